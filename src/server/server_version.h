#pragma once

// The version string vexdb announces in the handshake and returns from SELECT VERSION().
//
// Clients parse it: mysql-connector-python requires `^\d{1,2}\.\d{1,2}\.\d{1,3}`, SQLAlchemy
// reads the leading "8.0.11" to take its MySQL 8 code paths and looks for "TiDB" to enable TiDB
// behaviour, and PyMySQL only requests CLIENT_MULTI_RESULTS when the major version is >= 5.
// TiDB v8.5 announces "8.0.11-TiDB-v8.5.0"; the "-vexdb-<version>" suffix names this server.

namespace vexdb {

inline constexpr char kServerVersion[] = "8.0.11-TiDB-v8.5.0-vexdb-0.1.0";

}  // namespace vexdb
