// The OpenAPI 3.0 description served at /api/openapi.json (doc/formats/http-api.md is the
// prose; tests/server checks that every path here answers).
#include "src/server/api.h"

namespace hadath::server {

const std::string& OpenApiJson() {
  static const std::string kDoc = R"JSON({
"openapi": "3.0.3",
"info": {"title": "hadath", "version": "1", "description": "Events, actors, times, quotes and relations read from Arabic news (CAMEO and PLOVER coded), with Arabic full-text search."},
"servers": [{"url": "/"}],
"components": {
 "parameters": {
  "actor": {"name": "actor", "in": "query", "schema": {"type": "string", "pattern": "^[A-Za-z]{1,16}$"}, "description": "CAMEO actor code or its start, as source or target"},
  "country": {"name": "country", "in": "query", "schema": {"type": "string", "pattern": "^[A-Za-z]{3}$"}, "description": "ISO alpha-3, IGO or NGO, as source or target country"},
  "root": {"name": "root", "in": "query", "schema": {"type": "string", "pattern": "^(0[1-9]|1[0-9]|20)$"}, "description": "two-digit CAMEO root"},
  "modality": {"name": "modality", "in": "query", "schema": {"type": "string", "enum": ["asserted", "negated", "future", "possible", "reported"]}},
  "from": {"name": "from", "in": "query", "schema": {"type": "string", "pattern": "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"}, "description": "first date, inclusive"},
  "to": {"name": "to", "in": "query", "schema": {"type": "string", "pattern": "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"}, "description": "last date, inclusive"},
  "doc": {"name": "doc", "in": "query", "schema": {"type": "string"}, "description": "the events of one document"},
  "limit": {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 1000}},
  "offset": {"name": "offset", "in": "query", "schema": {"type": "integer", "minimum": 0}}
 },
 "schemas": {
  "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "object", "required": ["status", "code", "message"], "properties": {
    "status": {"type": "integer"}, "code": {"type": "string", "enum": ["invalid_parameter", "invalid_query", "invalid_input", "not_found", "method_not_allowed", "too_large", "unsupported_media_type", "internal", "busy"]},
    "message": {"type": "string"}, "parameter": {"type": "string", "nullable": true}, "position": {"type": "integer", "nullable": true}}}}},
  "Side": {"type": "object", "nullable": true, "properties": {"code": {"type": "string", "nullable": true}, "country": {"type": "string", "nullable": true}}},
  "Event": {"type": "object", "properties": {
    "id": {"type": "string", "description": "<document id>:<event id>"}, "doc_id": {"type": "string"}, "title": {"type": "string", "nullable": true},
    "url": {"type": "string", "nullable": true}, "published": {"type": "string", "nullable": true}, "news_source": {"type": "string", "nullable": true},
    "date": {"type": "string", "nullable": true}, "source": {"$ref": "#/components/schemas/Side"}, "target": {"$ref": "#/components/schemas/Side"},
    "cameo": {"type": "string"}, "root": {"type": "string"}, "quad": {"type": "integer"}, "goldstein": {"type": "number"},
    "plover": {"type": "string", "nullable": true}, "modality": {"type": "string"}, "trigger": {"type": "string"},
    "event": {"type": "object", "description": "the hadath/1 event object (doc/formats/analysis-json.md)"}}}
 },
 "responses": {
  "BadRequest": {"description": "a parameter or the query is malformed", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
  "NotFound": {"description": "no such item", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
 }
},
"paths": {
 "/api/search": {"get": {"summary": "Full-text search over titles and texts (any spelling: clitics, hamza, digits)",
   "parameters": [{"name": "q", "in": "query", "required": true, "schema": {"type": "string", "maxLength": 4096}, "description": "words, \"phrases\", AND/OR/NOT, ( ), prefix*"},
     {"$ref": "#/components/parameters/from"}, {"$ref": "#/components/parameters/to"}, {"name": "source", "in": "query", "schema": {"type": "string"}},
     {"$ref": "#/components/parameters/actor"}, {"$ref": "#/components/parameters/country"}, {"$ref": "#/components/parameters/root"},
     {"$ref": "#/components/parameters/limit"}, {"$ref": "#/components/parameters/offset"}],
   "responses": {"200": {"description": "hits, best first", "content": {"application/json": {"schema": {"type": "object", "properties": {
      "query": {"type": "string"}, "total": {"type": "integer"}, "limit": {"type": "integer"}, "offset": {"type": "integer"},
      "hits": {"type": "array", "items": {"type": "object", "properties": {"id": {"type": "string"}, "title": {"type": "string", "nullable": true},
        "published": {"type": "string", "nullable": true}, "url": {"type": "string", "nullable": true}, "source": {"type": "string", "nullable": true},
        "score": {"type": "number"}, "snippet": {"type": "string", "description": "HTML-escaped text; matches in <mark>"}}}}}}}}},
     "400": {"$ref": "#/components/responses/BadRequest"}}}},
 "/api/events": {"get": {"summary": "Events matching the filters, by date",
   "parameters": [{"$ref": "#/components/parameters/actor"}, {"$ref": "#/components/parameters/country"}, {"$ref": "#/components/parameters/root"},
     {"$ref": "#/components/parameters/modality"}, {"$ref": "#/components/parameters/from"}, {"$ref": "#/components/parameters/to"},
     {"$ref": "#/components/parameters/doc"}, {"$ref": "#/components/parameters/limit"}, {"$ref": "#/components/parameters/offset"},
     {"name": "grouped", "in": "query", "schema": {"type": "integer", "enum": [0, 1]}, "description": "1: one item per happening across documents (groups with their mentions, documents, sources and URLs) instead of one per event"}],
   "responses": {"200": {"description": "a page of events (or of groups) and the total", "content": {"application/json": {"schema": {"type": "object", "properties": {
      "total": {"type": "integer"}, "limit": {"type": "integer"}, "offset": {"type": "integer"},
      "events": {"type": "array", "items": {"$ref": "#/components/schemas/Event"}}}}}}},
     "400": {"$ref": "#/components/responses/BadRequest"}}}},
 "/api/events/{id}": {"get": {"summary": "One event",
   "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
   "responses": {"200": {"description": "the event", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Event"}}}},
     "404": {"$ref": "#/components/responses/NotFound"}}}},
 "/api/documents/{id}": {"get": {"summary": "A stored article with its whole analysis",
   "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
   "responses": {"200": {"description": "the document", "content": {"application/json": {"schema": {"type": "object", "properties": {
      "id": {"type": "string"}, "title": {"type": "string", "nullable": true}, "published": {"type": "string", "nullable": true},
      "url": {"type": "string", "nullable": true}, "source": {"type": "string", "nullable": true}, "text": {"type": "string"},
      "engine_version": {"type": "string"}, "bundle_id": {"type": "string"},
      "analysis": {"type": "object", "description": "hadath/1 analysis JSON; offsets are code points into text"}}}}}},
     "404": {"$ref": "#/components/responses/NotFound"}}}},
 "/api/actors": {"get": {"summary": "Actor codes of the matching events, names learned from appositions, and (known=1) the lexicon's persons",
   "parameters": [{"$ref": "#/components/parameters/actor"}, {"$ref": "#/components/parameters/country"}, {"$ref": "#/components/parameters/root"},
     {"$ref": "#/components/parameters/modality"}, {"$ref": "#/components/parameters/from"}, {"$ref": "#/components/parameters/to"},
     {"$ref": "#/components/parameters/doc"}, {"$ref": "#/components/parameters/limit"}, {"$ref": "#/components/parameters/offset"},
     {"name": "known", "in": "query", "schema": {"type": "integer", "enum": [0, 1]}}],
   "responses": {"200": {"description": "actors", "content": {"application/json": {"schema": {"type": "object"}}}},
     "400": {"$ref": "#/components/responses/BadRequest"}}}},
 "/api/timeline": {"get": {"summary": "Dated events per day and CAMEO root",
   "parameters": [{"$ref": "#/components/parameters/actor"}, {"$ref": "#/components/parameters/country"}, {"$ref": "#/components/parameters/root"},
     {"$ref": "#/components/parameters/modality"}, {"$ref": "#/components/parameters/from"}, {"$ref": "#/components/parameters/to"},
     {"$ref": "#/components/parameters/doc"}],
   "responses": {"200": {"description": "counts", "content": {"application/json": {"schema": {"type": "object", "properties": {
      "days": {"type": "array", "items": {"type": "object", "properties": {"day": {"type": "string"}, "root": {"type": "string"}, "events": {"type": "integer"}}}}}}}}},
     "400": {"$ref": "#/components/responses/BadRequest"}}}},
 "/api/graph": {"get": {"summary": "Actors linked by their events (directed) and by relations stated in the text (undirected)",
   "parameters": [{"$ref": "#/components/parameters/actor"}, {"$ref": "#/components/parameters/country"}, {"$ref": "#/components/parameters/root"},
     {"$ref": "#/components/parameters/modality"}, {"$ref": "#/components/parameters/from"}, {"$ref": "#/components/parameters/to"},
     {"$ref": "#/components/parameters/doc"}, {"$ref": "#/components/parameters/limit"}],
   "responses": {"200": {"description": "nodes and edges", "content": {"application/json": {"schema": {"type": "object", "properties": {
      "nodes": {"type": "array", "items": {"type": "object", "properties": {"id": {"type": "string"}, "country": {"type": "string", "nullable": true}, "events": {"type": "integer"}}}},
      "edges": {"type": "array", "items": {"type": "object", "properties": {"source": {"type": "string"}, "target": {"type": "string"},
        "kind": {"type": "string", "description": "event, or a relation type: ally, partner, adversary, tension"}, "count": {"type": "integer"}, "goldstein": {"type": "number"}}}}}}}}},
     "400": {"$ref": "#/components/responses/BadRequest"}}}},
 "/api/stats": {"get": {"summary": "What the store holds", "responses": {"200": {"description": "counts", "content": {"application/json": {"schema": {"type": "object"}}}}}}},
 "/api/analyze": {"post": {"summary": "Analyse one article without storing it",
   "requestBody": {"required": true, "content": {
     "application/json": {"schema": {"type": "object", "required": ["text"], "properties": {"text": {"type": "string"}, "title": {"type": "string"},
       "published": {"type": "string", "format": "date"}, "url": {"type": "string"}, "source": {"type": "string"}, "id": {"type": "string"}}}},
     "text/plain": {"schema": {"type": "string", "description": "the article; its first line is the title"}}}},
   "responses": {"200": {"description": "hadath/1 analysis JSON", "content": {"application/json": {"schema": {"type": "object"}}}},
     "400": {"description": "the body is not an article", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
     "413": {"description": "the body is over the size limit", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}}}},
 "/api/openapi.json": {"get": {"summary": "This document", "responses": {"200": {"description": "OpenAPI 3.0", "content": {"application/json": {"schema": {"type": "object"}}}}}}}
}
})JSON";
  return kDoc;
}

}  // namespace hadath::server
