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
	accord_gap_list_free(self->gaps);
	accord_score_free(self->score);
	accord_evaluation_free(self->evaluation);
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
