#pragma once

#include "accord/report.h"

G_BEGIN_DECLS

/* one table per format, indexed by AccordReportKind: each entry formats one view of the
 * report model into @out and computes nothing, every number comes from the model */
typedef void (*AccordWriteFunc)(const AccordReport *report, GString *out);

#define ACCORD_REPORT_N_KINDS (ACCORD_REPORT_RANK + 1)

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

G_END_DECLS
