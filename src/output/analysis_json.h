// Serialization of an Analysis as hadath/1 JSON (doc/formats/analysis-json.md), and the
// tabular exports (GDELT-style TSV, PLOVER JSONL, RFC 4180 CSV) of its events.
#ifndef HADATH_SRC_OUTPUT_ANALYSIS_JSON_H_
#define HADATH_SRC_OUTPUT_ANALYSIS_JSON_H_

#include <string>

#include "include/hadath/document.h"
#include "include/hadath/status.h"

namespace hadath {

std::string AnalysisToJson(const Analysis& a, bool pretty);
std::string EventToJson(const Analysis& a, const Event& e);

// One line per event (no header): see doc/formats/exports.md.
std::string EventsCsvHeader();
std::string EventsToCsv(const Analysis& a);
std::string EventsToGdelt(const Analysis& a);
std::string EventsToPlover(const Analysis& a);
std::string CsvField(const std::string& s);

// An event read back from its hadath/1 JSON (EventToJson), with the fields the exports
// use; InvalidInput when `json` is not an event object.
Result<Event> EventFromJson(const std::string& json);

}  // namespace hadath

#endif  // HADATH_SRC_OUTPUT_ANALYSIS_JSON_H_
