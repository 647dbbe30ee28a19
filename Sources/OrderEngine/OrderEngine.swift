@_exported import EventLog
