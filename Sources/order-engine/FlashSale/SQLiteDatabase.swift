import CSQLite

/// A thin owner of one SQLite connection and its prepared statements, through the C API.
final class SQLiteDatabase {
    private var handle: OpaquePointer?
    private var statements: [SQLiteStatement] = []

    init(path: String) throws {
        let code = sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nil)
        if code != SQLITE_OK {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "code \(code)"
            sqlite3_close(handle)
            throw CommandFailure("cannot open SQLite database \(path): \(message)")
        }
    }

    deinit {
        for statement in statements { statement.finalize() }
        sqlite3_close(handle)
    }

    /// Rows the last statement changed.
    var changes: Int { Int(sqlite3_changes(handle)) }

    func execute(_ sql: String) throws {
        try check(sqlite3_exec(handle, sql, nil, nil, nil), sql)
    }

    func prepare(_ sql: String) throws -> SQLiteStatement {
        var raw: OpaquePointer?
        try check(sqlite3_prepare_v2(handle, sql, -1, &raw, nil), sql)
        let statement = SQLiteStatement(database: self, raw: raw!, sql: sql)
        statements.append(statement)
        return statement
    }

    /// The first column of the first row of a query.
    func integer(_ sql: String) throws -> Int {
        let statement = try prepare(sql)
        try statement.step(expecting: SQLITE_ROW)
        defer { statement.reset() }
        return Int(sqlite3_column_int64(statement.raw, 0))
    }

    func check(_ code: Int32, _ sql: String) throws {
        guard code == SQLITE_OK || code == SQLITE_DONE || code == SQLITE_ROW else {
            throw CommandFailure("SQLite failed on `\(sql)`: \(String(cString: sqlite3_errmsg(handle)))")
        }
    }
}

/// One prepared statement, reused for every row.
final class SQLiteStatement {
    enum Value {
        case integer(Int)
        case text(String)
    }

    private unowned let database: SQLiteDatabase
    let raw: OpaquePointer
    private let sql: String

    init(database: SQLiteDatabase, raw: OpaquePointer, sql: String) {
        self.database = database
        self.raw = raw
        self.sql = sql
    }

    /// Binds the values to ?1, ?2..., steps once to completion and resets.
    func run(_ values: Value...) throws {
        for (index, value) in values.enumerated() {
            let position = Int32(index + 1)
            switch value {
            case .integer(let number): sqlite3_bind_int64(raw, position, Int64(number))
            case .text(let text): sqlite3_bind_text(raw, position, text, -1, Self.transient)
            }
        }
        defer { reset() }
        try step(expecting: SQLITE_DONE)
    }

    func step(expecting expected: Int32) throws {
        let code = sqlite3_step(raw)
        if code != expected { try database.check(code == SQLITE_OK ? SQLITE_MISUSE : code, sql) }
    }

    func reset() {
        sqlite3_reset(raw)
        sqlite3_clear_bindings(raw)
    }

    func finalize() {
        sqlite3_finalize(raw)
    }

    /// SQLite copies the text before `bind` returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
