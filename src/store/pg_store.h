// The PostgreSQL store (doc/formats/postgresql.md): what Store::Open returns for a
// postgresql:// or postgres:// URI. The schema and the answers of the SQLite store, for
// many `hadath ingest` processes on many machines writing at once: a document is written
// under its row lock, a batch whose transaction fails for a reason that passes (deadlock,
// serialization failure, lost connection) is written again from the copy the store keeps
// of it, events are partitioned by year (partitions attached on demand without stopping
// other writers), and full-text search uses a tsvector of the SQLite index's terms
// (search_query_pg.h). Not thread-safe, as every Store, apart from Prepare.
#ifndef HADATH_SRC_STORE_PG_STORE_H_
#define HADATH_SRC_STORE_PG_STORE_H_

#include <memory>
#include <string>

#include "include/hadath/status.h"
#include "include/hadath/store.h"
#include "src/lexicon/lexicon.h"

namespace hadath {

// Connects to `uri` (a libpq URI; connect_timeout 10 s unless it sets one) and creates or
// migrates the schema. With `lex` the store writes and searches the full-text index;
// without it Put and Search fail (InvalidInput), as the SQLite store's do.
Result<std::unique_ptr<Store>> OpenPostgresStore(const std::string& uri,
                                                 std::shared_ptr<const Lexicon> lex);

// `uri` without its password (user:PASSWORD@ and password=…), for messages.
std::string RedactUri(const std::string& uri);

}  // namespace hadath

#endif  // HADATH_SRC_STORE_PG_STORE_H_
