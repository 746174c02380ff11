#pragma once

// The version vexdb reports: in the handshake, SELECT VERSION() and @@version. TiDB's form
// (8.0.11-TiDB-v<x.y.z>) so that clients take their MySQL 8.0 / TiDB code paths; see
// mysql-sqlalchemy-needs.md §2.2 and tidb-vector-spec.md §7.

namespace vexdb {

inline constexpr const char* kServerVersion = "8.0.11-TiDB-v8.5.0-vexdb-0.1.0";
inline constexpr const char* kVersionComment = "vexdb 0.1.0, TiDB-compatible vector SQL database";

}  // namespace vexdb
