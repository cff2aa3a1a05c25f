#pragma once

#include <glib.h>

#include "compare.h"
#include "diff.h"
#include "explain.h"
#include "gaps.h"
#include "macros.h"
#include "rank.h"
#include "roadmap.h"
#include "waiver.h"

G_BEGIN_DECLS

/**
 * AccordFormat:
 * @ACCORD_FORMAT_TEXT: plain text for a terminal
 * @ACCORD_FORMAT_JSON: JSON with a schema version (docs/json.md)
 * @ACCORD_FORMAT_CSV: RFC 4180 comma-separated values
 * @ACCORD_FORMAT_MARKDOWN: GitHub-flavoured Markdown
 */
typedef enum {
	ACCORD_FORMAT_TEXT,
	ACCORD_FORMAT_JSON,
	ACCORD_FORMAT_CSV,
	ACCORD_FORMAT_MARKDOWN,
} AccordFormat;

/**
 * AccordReportKind:
 * @ACCORD_REPORT_SCORE: the scores of every pillar and rule
 * @ACCORD_REPORT_GAPS: the rules short of full marks, by gap, with provision and recommendation
 * @ACCORD_REPORT_VALIDATION: which input files are valid, and why the others are not
 * @ACCORD_REPORT_RANK: countries ranked by score against one or more rulesets
 * @ACCORD_REPORT_COMPARE: two countries criterion by criterion, per ruleset
 * @ACCORD_REPORT_ROADMAP: a phased plan to close one country's gaps
 * @ACCORD_REPORT_DIFF: what changed between two snapshots of one country
 * @ACCORD_REPORT_EXPLAIN: the full derivation of every number of a score
 */
typedef enum {
	ACCORD_REPORT_SCORE,
	ACCORD_REPORT_GAPS,
	ACCORD_REPORT_VALIDATION,
	ACCORD_REPORT_RANK,
	ACCORD_REPORT_COMPARE,
	ACCORD_REPORT_ROADMAP,
	ACCORD_REPORT_DIFF,
	ACCORD_REPORT_EXPLAIN,
} AccordReportKind;

/**
 * AccordValidation:
 * @path: the file checked
 * @summary: (nullable): what it holds, when valid (e.g. "ruleset usmca, 4 rules, 9 criteria")
 * @error: (nullable): the load error message, when invalid
 *
 * One file's validation result; a read-only record owned by its #AccordReport.
 */
typedef struct {
	gchar *path;
	gchar *summary;
	gchar *error;
} AccordValidation;

/* the labels of the alternatives the CLI attaches and the writers look up */
#define ACCORD_ALTERNATIVE_WITHOUT_ASSUMPTIONS "without assumptions"
#define ACCORD_ALTERNATIVE_BEFORE_WAIVERS      "before waivers"

/* the version of the JSON document layout; bumped on any incompatible change */
#define ACCORD_JSON_SCHEMA_VERSION "1.0"

typedef struct _AccordReport AccordReport;

const gchar *
accord_format_to_string(AccordFormat format);
gboolean
accord_format_from_string(const gchar *text, AccordFormat *format);

G_GNUC_WARN_UNUSED_RESULT AccordReport *
accord_report_new(AccordReportKind kind, AccordEvaluation *evaluation, AccordScore *score)
    ACCORD_NON_NULL(2, 3);
G_GNUC_WARN_UNUSED_RESULT AccordReport *
accord_report_new_validation(void);
G_GNUC_WARN_UNUSED_RESULT AccordReport *
accord_report_new_ranking(AccordRanking *ranking) ACCORD_NON_NULL(1);
const AccordRanking *
accord_report_get_ranking(const AccordReport *self) ACCORD_NON_NULL(1);
G_GNUC_WARN_UNUSED_RESULT AccordReport *
accord_report_new_comparisons(GPtrArray *comparisons) ACCORD_NON_NULL(1);
const GPtrArray *
accord_report_get_comparisons(const AccordReport *self) ACCORD_NON_NULL(1);
G_GNUC_WARN_UNUSED_RESULT AccordReport *
accord_report_new_roadmap(AccordEvaluation *evaluation,
			  AccordScore *score,
			  guint phase_effort,
			  GError **error) ACCORD_NON_NULL(1, 2);
const AccordRoadmap *
accord_report_get_roadmap(const AccordReport *self) ACCORD_NON_NULL(1);
G_GNUC_WARN_UNUSED_RESULT AccordReport *
accord_report_new_diff(AccordDiff *diff) ACCORD_NON_NULL(1);
const AccordDiff *
accord_report_get_diff(const AccordReport *self) ACCORD_NON_NULL(1);
G_GNUC_WARN_UNUSED_RESULT AccordReport *
accord_report_new_explanation(AccordEvaluation *evaluation, AccordScore *score, GError **error)
    ACCORD_NON_NULL(1, 2);
const AccordExplanation *
accord_report_get_explanation(const AccordReport *self) ACCORD_NON_NULL(1);

void
accord_report_add_alternative(AccordReport *self, const gchar *label, AccordReport *alternative)
    ACCORD_NON_NULL(1, 2, 3);
guint
accord_report_get_n_alternatives(const AccordReport *self) ACCORD_NON_NULL(1);
const gchar *
accord_report_get_alternative_label(const AccordReport *self, guint index) ACCORD_NON_NULL(1);
const AccordReport *
accord_report_get_alternative(const AccordReport *self, guint index) ACCORD_NON_NULL(1);
void
accord_report_set_waivers(AccordReport *self, AccordWaiverOutcome *outcome) ACCORD_NON_NULL(1, 2);
const AccordWaiverOutcome *
accord_report_get_waivers(const AccordReport *self) ACCORD_NON_NULL(1);
void
accord_report_set_tailoring(AccordReport *self, const AccordTailoring *tailoring)
    ACCORD_NON_NULL(1, 2);
const AccordTailoring *
accord_report_get_tailoring(const AccordReport *self) ACCORD_NON_NULL(1);
void
accord_report_add_validation(AccordReport *self,
			     const gchar *path,
			     const gchar *summary,
			     const GError *error) ACCORD_NON_NULL(1, 2);
guint
accord_report_get_n_validations(const AccordReport *self) ACCORD_NON_NULL(1);
const AccordValidation *
accord_report_get_validation(const AccordReport *self, guint index) ACCORD_NON_NULL(1);
void
accord_report_free(AccordReport *self);
AccordReportKind
accord_report_get_kind(const AccordReport *self) ACCORD_NON_NULL(1);
const AccordEvaluation *
accord_report_get_evaluation(const AccordReport *self) ACCORD_NON_NULL(1);
const AccordScore *
accord_report_get_score(const AccordReport *self) ACCORD_NON_NULL(1);
const AccordGapList *
accord_report_get_gaps(const AccordReport *self) ACCORD_NON_NULL(1);
G_GNUC_WARN_UNUSED_RESULT GBytes *
accord_report_render(const AccordReport *self, AccordFormat format, GError **error)
    ACCORD_NON_NULL(1);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(AccordReport, accord_report_free)

G_END_DECLS
