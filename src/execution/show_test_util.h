#pragma once

// Test fixture shared by show_test.cc and information_schema_test.cc (not part of the library):
// a real StorageEngine in a temp dir, a Catalog on it, and the SQLAlchemy quickstart tables
// (mysql-sqlalchemy-needs.md §2.3) built as catalog definitions, the way DDL stores them.

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "execution/show.h"
#include "storage/storage_engine.h"
#include "storage/test_util.h"

namespace vexdb::show_test {

inline ColumnInfo Col(std::string name, LogicalType type, bool nullable = true) {
  ColumnInfo c;
  c.name = std::move(name);
  c.type = std::move(type);
  c.nullable = nullable;
  return c;
}

inline LogicalType Type(TypeId id, int64_t length = -1) {
  LogicalType t = LogicalType::Of(id);
  t.length = length;
  return t;
}

inline LogicalType Bool() {
  LogicalType t = Type(TypeId::kTinyInt, 1);
  t.is_bool = true;
  return t;
}

inline LogicalType Enum(std::vector<std::string> elements) {
  LogicalType t = Type(TypeId::kEnum);
  t.elements = std::move(elements);
  return t;
}

inline IndexInfo Key(std::string name, std::vector<std::string> columns, bool unique = false) {
  IndexInfo index;
  index.name = std::move(name);
  index.unique = unique;
  index.primary = index.name == "PRIMARY";
  for (std::string& c : columns) index.columns.push_back({std::move(c), 0, false});
  return index;
}

// CREATE TABLE users (id INTEGER NOT NULL AUTO_INCREMENT, name VARCHAR(50) NOT NULL,
//   fullname TEXT, active BOOL NOT NULL, created DATETIME NOT NULL DEFAULT now(),
//   balance NUMERIC(10, 2) NOT NULL, score FLOAT, data JSON,
//   status ENUM('active','inactive') NOT NULL, avatar BLOB, birthday DATE,
//   PRIMARY KEY (id), UNIQUE (name)); CREATE INDEX ix_users_status ON users (status)
inline TableInfo Users() {
  TableInfo t;
  t.database = "test";
  t.name = "users";
  t.columns = {Col("id", LogicalType::Of(TypeId::kInt), false),
               Col("name", LogicalType::Varchar(50), false),
               Col("fullname", Type(TypeId::kText, 65535)),
               Col("active", Bool(), false),
               Col("created", LogicalType::Datetime(0), false),
               Col("balance", LogicalType::Decimal(10, 2), false),
               Col("score", LogicalType::Of(TypeId::kFloat)),
               Col("data", LogicalType::Of(TypeId::kJson)),
               Col("status", Enum({"active", "inactive"}), false),
               Col("avatar", Type(TypeId::kBlob, 65535)),
               Col("birthday", LogicalType::Of(TypeId::kDate))};
  t.columns[0].auto_increment = true;
  t.columns[4].default_value = {DefaultKind::kCurrentTimestamp, ""};
  t.indexes = {Key("PRIMARY", {"id"}, true), Key("name", {"name"}, true),
               Key("ix_users_status", {"status"})};
  return t;
}

// CREATE TABLE addresses (id INTEGER NOT NULL AUTO_INCREMENT, user_id INTEGER NOT NULL,
//   email VARCHAR(100), PRIMARY KEY (id),
//   FOREIGN KEY(user_id) REFERENCES users (id) ON DELETE CASCADE);
// CREATE INDEX ix_addresses_email ON addresses (email)
// MySQL 8's SHOW CREATE TABLE text of Users() (SQLAlchemy's captured `users` DDL), byte for byte.
inline constexpr const char* kUsersCreateTable =
    "CREATE TABLE `users` (\n"
    "  `id` int NOT NULL AUTO_INCREMENT,\n"
    "  `name` varchar(50) NOT NULL,\n"
    "  `fullname` text,\n"
    "  `active` tinyint(1) NOT NULL,\n"
    "  `created` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,\n"
    "  `balance` decimal(10,2) NOT NULL,\n"
    "  `score` float DEFAULT NULL,\n"
    "  `data` json DEFAULT NULL,\n"
    "  `status` enum('active','inactive') NOT NULL,\n"
    "  `avatar` blob,\n"
    "  `birthday` date DEFAULT NULL,\n"
    "  PRIMARY KEY (`id`),\n"
    "  UNIQUE KEY `name` (`name`),\n"
    "  KEY `ix_users_status` (`status`)\n"
    ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin";

inline TableInfo Addresses() {
  TableInfo t;
  t.database = "test";
  t.name = "addresses";
  t.columns = {Col("id", LogicalType::Of(TypeId::kInt), false),
               Col("user_id", LogicalType::Of(TypeId::kInt), false),
               Col("email", LogicalType::Varchar(100))};
  t.columns[0].auto_increment = true;
  t.indexes = {Key("PRIMARY", {"id"}, true), Key("user_id", {"user_id"}),
               Key("ix_addresses_email", {"email"})};
  ForeignKeyInfo fk;
  fk.name = "addresses_ibfk_1";
  fk.columns = {"user_id"};
  fk.ref_database = "test";
  fk.ref_table = "users";
  fk.ref_columns = {"id"};
  fk.on_delete = ForeignKeyAction::kCascade;
  t.foreign_keys = {fk};
  return t;
}

class ShowFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<std::unique_ptr<StorageEngine>> engine = StorageEngine::Open(dir_.path(), false);
    ASSERT_TRUE(engine.ok()) << engine.status().ToString();
    storage_ = std::move(engine).value();
    Result<std::unique_ptr<Catalog>> catalog = Catalog::Open(*storage_);
    ASSERT_TRUE(catalog.ok()) << catalog.status().ToString();
    catalog_ = std::move(catalog).value();
  }

  TableRef Create(TableInfo info) {
    Result<TableRef> table = catalog_->CreateTable(std::move(info));
    EXPECT_TRUE(table.ok()) << table.status().ToString();
    return table.ok() ? *table : nullptr;
  }

  ShowContext Context(std::string database = "test") {
    return ShowContext{*catalog_, *storage_, std::move(database), nullptr, nullptr, nullptr};
  }

  TempDir dir_;
  std::unique_ptr<StorageEngine> storage_;
  std::unique_ptr<Catalog> catalog_;
};

}  // namespace vexdb::show_test
