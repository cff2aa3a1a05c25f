#include "config.h"

#include <math.h>

#include "accord/error.h"
#include "accord/report.h"
#include "writer-private.h"

struct _AccordReport {
	AccordReportKind kind;
	AccordEvaluation *evaluation;
	AccordScore *score;
	AccordGapList *gaps;
	GArray *validations;	/* AccordValidation; validation reports only */
	AccordRanking *ranking; /* rank reports only */
	GPtrArray *comparisons; /* AccordComparison*; compare reports only */
	AccordRoadmap *roadmap;
	AccordDiff *diff;
	AccordExplanation *explanation;
	GPtrArray *alternatives; /* Alternative*: the same view under other assumptions */
	AccordWaiverOutcome *waivers;
	AccordTailoring *tailoring;
};

static const gchar *format_names[] = {"text", "json", "csv", "markdown"};

const gchar *
accord_format_to_string(AccordFormat format)
{
	g_return_val_if_fail(format <= ACCORD_FORMAT_MARKDOWN, NULL);
	return format_names[format];
}

gboolean
accord_format_from_string(const gchar *text, AccordFormat *format)
{
	for (guint i = 0; i < G_N_ELEMENTS(format_names); i++) {
		if (g_strcmp0(text, format_names[i]) == 0) {
			*format = i;
			return TRUE;
		}
	}
	return FALSE;
}

/**
 * accord_report_new:
 * @kind: which view of the results
 * @evaluation: (transfer full): the evaluation
 * @score: (transfer full): its score
 *
 * Bundles the results a writer formats; computes the gap list from @score. The report owns
 * all three, so their lifetimes stay in the right order.
 *
 * Returns: (transfer full): the report
 */
AccordReport *
accord_report_new(AccordReportKind kind, AccordEvaluation *evaluation, AccordScore *score)
{
	AccordReport *self;

	g_return_val_if_fail(evaluation != NULL && score != NULL, NULL);
	g_return_val_if_fail(accord_score_get_evaluation(score) == evaluation, NULL);
	self = g_new0(AccordReport, 1);
	self->kind = kind;
	self->evaluation = evaluation;
	self->score = score;
	self->gaps = accord_gaps_compute(score);
	return self;
}

/* the same view computed another way, e.g. without the what-if assumptions, or before the
 * waivers, so a writer can show both numbers side by side */
typedef struct {
	gchar *label;
	AccordReport *report;
} Alternative;

static void
alternative_free(Alternative *alt)
{
	g_free(alt->label);
	accord_report_free(alt->report);
	g_free(alt);
}

static AccordReport *
report_of_kind(AccordReportKind kind)
{
	AccordReport *self = g_new0(AccordReport, 1);

	self->kind = kind;
	return self;
}

/**
 * accord_report_new_comparisons:
 * @comparisons: (transfer full) (element-type AccordComparison): one per ruleset, same pair
 *
 * Returns: (transfer full): a report that formats the comparisons
 */
AccordReport *
accord_report_new_comparisons(GPtrArray *comparisons)
{
	AccordReport *self;

	g_return_val_if_fail(comparisons != NULL && comparisons->len > 0, NULL);
	self = report_of_kind(ACCORD_REPORT_COMPARE);
	self->comparisons = comparisons;
	return self;
}

const GPtrArray *
accord_report_get_comparisons(const AccordReport *self)
{
	g_return_val_if_fail(self != NULL, NULL);
	return self->comparisons;
}

/**
 * accord_report_new_roadmap:
 * @evaluation: (transfer full): the evaluation
 * @score: (transfer full): its score
 * @phase_effort: the effort budget of a phase
 * @error: return location for an `ACCORD_ERROR`
 *
 * Returns: (transfer full) (nullable): a report that plans how to close the gaps, or %NULL
 *   with @error set (the arguments are freed)
 */
AccordReport *
accord_report_new_roadmap(AccordEvaluation *evaluation,
			  AccordScore *score,
			  guint phase_effort,
			  GError **error)
{
	g_autoptr(AccordReport) self = accord_report_new(ACCORD_REPORT_ROADMAP, evaluation, score);

	self->roadmap = accord_roadmap_new(self->score, phase_effort, error);
	if (self->roadmap == NULL)
		return NULL;
	return g_steal_pointer(&self);
}

const AccordRoadmap *
accord_report_get_roadmap(const AccordReport *self)
{
	g_return_val_if_fail(self != NULL, NULL);
	return self->roadmap;
}

/**
 * accord_report_new_diff:
 * @diff: (transfer full): a diff of two snapshots
 *
 * Returns: (transfer full): a report that formats the diff
 */
AccordReport *
accord_report_new_diff(AccordDiff *diff)
{
	AccordReport *self;

	g_return_val_if_fail(diff != NULL, NULL);
	self = report_of_kind(ACCORD_REPORT_DIFF);
	self->diff = diff;
	return self;
}

const AccordDiff *
accord_report_get_diff(const AccordReport *self)
{
	g_return_val_if_fail(self != NULL, NULL);
	return self->diff;
}

/**
 * accord_report_new_explanation:
 * @evaluation: (transfer full): the evaluation
 * @score: (transfer full): its score
 * @error: return location for an `ACCORD_ERROR`
 *
 * Returns: (transfer full) (nullable): a report of the full derivation of @score, with the
 *   marginal gain of each open criterion, or %NULL with @error set (the arguments are freed)
 */
AccordReport *
accord_report_new_explanation(AccordEvaluation *evaluation, AccordScore *score, GError **error)
{
	g_autoptr(AccordReport) self = accord_report_new(ACCORD_REPORT_EXPLAIN, evaluation, score);

	self->explanation = accord_explanation_new(self->score, error);
	if (self->explanation == NULL)
		return NULL;
	return g_steal_pointer(&self);
}

const AccordExplanation *
accord_report_get_explanation(const AccordReport *self)
{
	g_return_val_if_fail(self != NULL, NULL);
	return self->explanation;
}

/**
 * accord_report_add_alternative:
 * @self: a report
 * @label: what differs, e.g. "without assumptions" or "before waivers"
 * @alternative: (transfer full): the same kind of report computed that way
 *
 * Keeps another computation of the same view beside this one; writers show its headline
 * numbers next to the report's own.
 */
void
accord_report_add_alternative(AccordReport *self, const gchar *label, AccordReport *alternative)
{
	Alternative *alt;

	g_return_if_fail(self != NULL && label != NULL && alternative != NULL);
	if (self->alternatives == NULL)
		self->alternatives =
		    g_ptr_array_new_with_free_func((GDestroyNotify)alternative_free);
	alt = g_new0(Alternative, 1);
	alt->label = g_strdup(label);
	alt->report = alternative;
	g_ptr_array_add(self->alternatives, alt);
}

guint
accord_report_get_n_alternatives(const AccordReport *self)
{
	g_return_val_if_fail(self != NULL, 0);
	return self->alternatives != NULL ? self->alternatives->len : 0;
}

const gchar *
accord_report_get_alternative_label(const AccordReport *self, guint index)
{
	g_return_val_if_fail(self != NULL && index < accord_report_get_n_alternatives(self), NULL);
	return ((const Alternative *)g_ptr_array_index(self->alternatives, index))->label;
}

const AccordReport *
accord_report_get_alternative(const AccordReport *self, guint index)
{
	g_return_val_if_fail(self != NULL && index < accord_report_get_n_alternatives(self), NULL);
	return ((const Alternative *)g_ptr_array_index(self->alternatives, index))->report;
}

/**
 * accord_report_set_waivers:
 * @self: a score or gaps report whose evaluation is the one after the waivers
 * @outcome: (transfer full): how each waiver bore on it
 */
void
accord_report_set_waivers(AccordReport *self, AccordWaiverOutcome *outcome)
{
	g_return_if_fail(self != NULL && outcome != NULL);
	accord_waiver_outcome_free(self->waivers);
	self->waivers = outcome;
}

const AccordWaiverOutcome *
accord_report_get_waivers(const AccordReport *self)
{
	g_return_val_if_fail(self != NULL, NULL);
	return self->waivers;
}

/**
 * accord_report_set_tailoring:
 * @self: a report
 * @tailoring: the tailoring its scores used; the report keeps a reference, which also keeps
 *   it alive for the scores that borrow it
 */
void
accord_report_set_tailoring(AccordReport *self, const AccordTailoring *tailoring)
{
	g_return_if_fail(self != NULL && tailoring != NULL);
	accord_tailoring_unref(self->tailoring);
	self->tailoring = accord_tailoring_ref(tailoring);
}

const AccordTailoring *
accord_report_get_tailoring(const AccordReport *self)
{
	g_return_val_if_fail(self != NULL, NULL);
	return self->tailoring;
}

static void
clear_validation(gpointer data)
{
	AccordValidation *v = data;

	g_free(v->path);
	g_free(v->summary);
	g_free(v->error);
}

/**
 * accord_report_new_validation:
 *
 * Returns: (transfer full): an empty validation report; add files with
 *   accord_report_add_validation()
 */
AccordReport *
accord_report_new_validation(void)
{
	AccordReport *self = g_new0(AccordReport, 1);

	self->kind = ACCORD_REPORT_VALIDATION;
	self->validations = g_array_new(FALSE, TRUE, sizeof(AccordValidation));
	g_array_set_clear_func(self->validations, clear_validation);
	return self;
}

/**
 * accord_report_add_validation:
 * @self: a validation report
 * @path: the file checked
 * @summary: (nullable): what the file holds, when it is valid
 * @error: (nullable): why it is not valid
 *
 * Records one file's result, in the order files were checked.
 */
void
accord_report_add_validation(AccordReport *self,
			     const gchar *path,
			     const gchar *summary,
			     const GError *error)
{
	AccordValidation v = {g_strdup(path), NULL, NULL};

	g_return_if_fail(self != NULL && self->kind == ACCORD_REPORT_VALIDATION && path != NULL);
	v.summary = error == NULL ? g_strdup(summary) : NULL;
	v.error = error != NULL ? g_strdup(error->message) : NULL;
	g_array_append_val(self->validations, v);
}

guint
accord_report_get_n_validations(const AccordReport *self)
{
	g_return_val_if_fail(self != NULL, 0);
	return self->validations != NULL ? self->validations->len : 0;
}

const AccordValidation *
accord_report_get_validation(const AccordReport *self, guint index)
{
	g_return_val_if_fail(self != NULL && index < accord_report_get_n_validations(self), NULL);
	return &g_array_index(self->validations, AccordValidation, index);
}

/**
 * accord_report_new_ranking:
 * @ranking: (transfer full): a ranking
 *
 * Returns: (transfer full): a report that formats @ranking
 */
AccordReport *
accord_report_new_ranking(AccordRanking *ranking)
{
	AccordReport *self;

	g_return_val_if_fail(ranking != NULL, NULL);
	self = g_new0(AccordReport, 1);
	self->kind = ACCORD_REPORT_RANK;
	self->ranking = ranking;
	return self;
}

/**
 * accord_report_get_ranking:
 * @self: a rank report
 *
 * Returns: (transfer none) (nullable): the ranking, %NULL for other kinds
 */
const AccordRanking *
accord_report_get_ranking(const AccordReport *self)
{
	g_return_val_if_fail(self != NULL, NULL);
	return self->ranking;
}

/**
 * accord_report_free:
 * @self: (nullable) (transfer full): a report
 */
void
accord_report_free(AccordReport *self)
{
	if (self == NULL)
		return;
	if (self->validations != NULL)
		g_array_unref(self->validations);
	accord_ranking_free(self->ranking);
	if (self->comparisons != NULL)
		g_ptr_array_unref(self->comparisons);
	if (self->alternatives != NULL)
		g_ptr_array_unref(self->alternatives);
	accord_roadmap_free(self->roadmap);
	accord_explanation_free(self->explanation);
	accord_diff_free(self->diff);
	accord_waiver_outcome_free(self->waivers);
	accord_gap_list_free(self->gaps);
	accord_score_free(self->score);
	accord_evaluation_free(self->evaluation);
	/* last: the scores above borrowed it through their options */
	accord_tailoring_unref(self->tailoring);
	g_free(self);
}

AccordReportKind
accord_report_get_kind(const AccordReport *self)
{
	g_return_val_if_fail(self != NULL, ACCORD_REPORT_SCORE);
	return self->kind;
}

const AccordEvaluation *
accord_report_get_evaluation(const AccordReport *self)
{
	g_return_val_if_fail(self != NULL, NULL);
	return self->evaluation;
}

const AccordScore *
accord_report_get_score(const AccordReport *self)
{
	g_return_val_if_fail(self != NULL, NULL);
	return self->score;
}

const AccordGapList *
accord_report_get_gaps(const AccordReport *self)
{
	g_return_val_if_fail(self != NULL, NULL);
	return self->gaps;
}

/**
 * accord_report_render:
 * @self: a report
 * @format: the output format
 * @error: return location for an `ACCORD_ERROR`
 *
 * Formats the report. The same report always renders to the same bytes.
 *
 * Returns: (transfer full) (nullable): the rendered bytes, or %NULL with @error set
 */
GBytes *
accord_report_render(const AccordReport *self, AccordFormat format, GError **error)
{
	static const AccordWriteFunc *const writers[] = {
	    [ACCORD_FORMAT_TEXT] = accord_writers_text,
	    [ACCORD_FORMAT_JSON] = accord_writers_json,
	    [ACCORD_FORMAT_CSV] = accord_writers_csv,
	    [ACCORD_FORMAT_MARKDOWN] = accord_writers_markdown,
	};
	g_autoptr(GString) out = g_string_new(NULL);

	g_return_val_if_fail(self != NULL, NULL);
	if ((guint)format >= G_N_ELEMENTS(writers)) {
		g_set_error(error,
			    ACCORD_ERROR,
			    ACCORD_ERROR_USAGE,
			    "unknown output format %d",
			    format);
		return NULL;
	}
	/* every kind has a writer in every format; a gap in the tables is a bug */
	if ((guint)self->kind >= ACCORD_REPORT_N_KINDS || writers[format][self->kind] == NULL) {
		g_set_error(error,
			    ACCORD_ERROR,
			    ACCORD_ERROR_INTERNAL,
			    "no %s writer for report kind %d",
			    accord_format_to_string(format),
			    self->kind);
		return NULL;
	}
	writers[format][self->kind](self, out);
	return g_string_free_to_bytes(g_steal_pointer(&out));
}

/* scores print with one decimal: the inputs are judgements, more digits would be noise */
gchar *
accord_writer_format_score(gdouble value)
{
	gchar buf[G_ASCII_DTOSTR_BUF_SIZE];

	if (isnan(value))
		return g_strdup("n/a");
	return g_strdup(g_ascii_formatd(buf, sizeof buf, "%.1f", value));
}

gchar *
accord_writer_format_percent(gdouble share)
{
	gchar buf[G_ASCII_DTOSTR_BUF_SIZE];

	return g_strdup_printf("%s%%", g_ascii_formatd(buf, sizeof buf, "%.1f", 100.0 * share));
}

/* what the profile says about one fact, for the reader of a gap: value, confidence and
 * evidence, or that it is not stated */
gchar *
accord_writer_describe_fact(const AccordProfile *profile, const gchar *key)
{
	const AccordProfileFact *fact = accord_profile_lookup_fact(profile, key);
	GString *out;

	if (fact == NULL)
		return g_strdup_printf("%s: not stated", key);
	out = g_string_new(NULL);
	g_string_append_printf(
	    out,
	    "%s = %s (confidence %s",
	    key,
	    accord_profile_fact_get_text(fact),
	    accord_confidence_to_string(accord_profile_fact_get_confidence(fact)));
	for (guint i = 0; i < accord_profile_fact_get_n_evidence(fact); i++) {
		const AccordEvidence *ev = accord_profile_fact_get_evidence(fact, i);
		const gchar *href = accord_evidence_get_href(ev);

		g_string_append_printf(out,
				       "; %s, %s",
				       accord_evidence_get_title(ev),
				       accord_evidence_get_date(ev));
		if (href != NULL)
			g_string_append_printf(out, ", %s", href);
	}
	g_string_append(out, ")");
	return g_string_free(out, FALSE);
}

/* the facts a check reads, in order of first appearance, each once */
void
accord_writer_collect_facts(const AccordCheck *check, GPtrArray *keys)
{
	if (accord_check_get_kind(check) == ACCORD_CHECK_FACT) {
		const gchar *key = accord_fact_def_get_key(accord_check_get_fact(check));

		if (!g_ptr_array_find_with_equal_func(keys, key, g_str_equal, NULL))
			g_ptr_array_add(keys, (gpointer)key);
		return;
	}
	for (guint i = 0; i < accord_check_get_n_children(check); i++)
		accord_writer_collect_facts(accord_check_get_child(check, i), keys);
}
