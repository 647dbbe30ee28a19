@_exported import EventLog
@_exported import OrderDomain
