//! iCalendar export of planned contacts (RFC 5545). Being written.
