#pragma once

#include <json-glib/json-glib.h>

#include "accord/report.h"

G_BEGIN_DECLS

/* one table per format, indexed by AccordReportKind: each entry formats one view of the
 * report model into @out and computes nothing, every number comes from the model */
typedef void (*AccordWriteFunc)(const AccordReport *report, GString *out);

#define ACCORD_REPORT_N_KINDS (ACCORD_REPORT_EXPLAIN + 1)

extern const AccordWriteFunc accord_writers_text[ACCORD_REPORT_N_KINDS];
extern const AccordWriteFunc accord_writers_json[ACCORD_REPORT_N_KINDS];
extern const AccordWriteFunc accord_writers_csv[ACCORD_REPORT_N_KINDS];
extern const AccordWriteFunc accord_writers_markdown[ACCORD_REPORT_N_KINDS];

/* shared formatting helpers, so that every format prints a number the same way */
gchar *
accord_writer_format_score(gdouble value);
gchar *
accord_writer_format_percent(gdouble share);
gchar *
accord_writer_describe_fact(const AccordProfile *profile, const gchar *key);
void
accord_writer_collect_facts(const AccordCheck *check, GPtrArray *keys);

/* the rank view, one function per format (writer-rank.c) */
void
accord_writer_rank_text(const AccordReport *report, GString *out);
void
accord_writer_rank_markdown(const AccordReport *report, GString *out);
void
accord_writer_rank_csv(const AccordReport *report, GString *out);

/* shared by the writers: one RFC 4180 record; Markdown escaping of inline text */
void
accord_writer_csv_row(GString *out, const gchar *const *fields, guint n);
void
accord_writer_markdown_escape(GString *out, const gchar *text);

/* the views of issue 5, one file each (writer-compare.c, writer-roadmap.c, writer-diff.c,
 * writer-explain.c), one function per format */
void
accord_writer_compare_text(const AccordReport *report, GString *out);
void
accord_writer_compare_markdown(const AccordReport *report, GString *out);
void
accord_writer_compare_csv(const AccordReport *report, GString *out);
void
accord_writer_compare_json(const AccordReport *report, GString *out);
void
accord_writer_roadmap_text(const AccordReport *report, GString *out);
void
accord_writer_roadmap_markdown(const AccordReport *report, GString *out);
void
accord_writer_roadmap_csv(const AccordReport *report, GString *out);
void
accord_writer_roadmap_json(const AccordReport *report, GString *out);
void
accord_writer_diff_text(const AccordReport *report, GString *out);
void
accord_writer_diff_markdown(const AccordReport *report, GString *out);
void
accord_writer_diff_csv(const AccordReport *report, GString *out);
void
accord_writer_diff_json(const AccordReport *report, GString *out);
void
accord_writer_explain_text(const AccordReport *report, GString *out);
void
accord_writer_explain_markdown(const AccordReport *report, GString *out);
void
accord_writer_explain_csv(const AccordReport *report, GString *out);
void
accord_writer_explain_json(const AccordReport *report, GString *out);

/* JSON building blocks shared by every view (writer-json.c): a string or null member, a
 * number or null member (NAN is null), score/coverage/share of an item, the common header
 * (schema_version, generator, kind), the options object, and printing the document */
void
accord_json_add_string(JsonBuilder *b, const gchar *name, const gchar *value);
void
accord_json_add_number(JsonBuilder *b, const gchar *name, gdouble value);
void
accord_json_add_item(JsonBuilder *b, const AccordScoreItem *item);
void
accord_json_add_document_header(JsonBuilder *b, const gchar *kind);
void
accord_json_add_options(JsonBuilder *b, const AccordScoreOptions *options);
void
accord_json_emit(JsonBuilder *b, GString *out);
/* the profile, ruleset and options objects of a one-country view */
void
accord_json_add_context(JsonBuilder *b,
			const AccordProfile *profile,
			const AccordRuleset *ruleset,
			const AccordScoreOptions *options);
/* the tailoring object, or null */
void
accord_json_add_tailoring(JsonBuilder *b, const AccordTailoring *tailoring);
/* alternatives, assumptions and tailoring, the members every one-country view carries */
void
accord_json_add_what_if(JsonBuilder *b, const AccordReport *report, const AccordProfile *profile);

/* what-if, tailoring and waivers, shared by the score, gaps and rank views of every format
 * (writer-text.c; accord_writer_find_rank_row() in writer-rank.c). The labels are the ones
 * engine/cli/common.c and verb-rank.c give the alternatives they attach */
#define ACCORD_WRITER_WITHOUT_ASSUMPTIONS ACCORD_ALTERNATIVE_WITHOUT_ASSUMPTIONS
#define ACCORD_WRITER_BEFORE_WAIVERS	  ACCORD_ALTERNATIVE_BEFORE_WAIVERS

const AccordReport *
accord_writer_find_alternative(const AccordReport *report, const gchar *label);
GPtrArray *
accord_writer_get_assumptions(const AccordProfile *profile);
gchar *
accord_writer_describe_assumption(const AccordProfileFact *fact);
gchar *
accord_writer_describe_waiver(const AccordWaiverUse *use, const AccordEvaluation *evaluation);
const AccordRankRow *
accord_writer_find_rank_row(const AccordRanking *ranking, const gchar *country);

/* alternatives ("<what> <label>: score"), assumptions and tailoring as text (writer-text.c) */
void
accord_writer_what_if_text(const AccordReport *report,
			   const AccordProfile *profile,
			   const gchar *what,
			   GString *out);
/* the tailoring and its changes (writer-text.c), as text lines or a Markdown list */
void
accord_writer_tailoring(const AccordReport *report, gboolean markdown, GString *out);

G_END_DECLS
