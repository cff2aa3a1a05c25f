#pragma once

#include "accord/report.h"

G_BEGIN_DECLS

/* each writer formats the report model into @out and computes nothing: every number comes
 * from the score or the gap list */
void
accord_writer_text(const AccordReport *report, GString *out);
gboolean
accord_writer_json(const AccordReport *report, GString *out, GError **error);
void
accord_writer_csv(const AccordReport *report, GString *out);
void
accord_writer_markdown(const AccordReport *report, GString *out);

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
accord_writer_rank_text(const AccordRanking *ranking, GString *out);
void
accord_writer_rank_markdown(const AccordRanking *ranking, GString *out);
void
accord_writer_rank_csv(const AccordRanking *ranking, GString *out);

/* shared by the writers: one RFC 4180 record; Markdown escaping of inline text */
void
accord_writer_csv_row(GString *out, const gchar *const *fields, guint n);
void
accord_writer_markdown_escape(GString *out, const gchar *text);

G_END_DECLS
