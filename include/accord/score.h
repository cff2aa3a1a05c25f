#pragma once

#if !defined(__ACCORD_H_INSIDE__) && !defined(ACCORD_COMPILATION)
#error "Only <accord/accord.h> can be included directly."
#endif

#include <glib.h>

#include "evaluate.h"
#include "macros.h"
#include "tailoring.h"

G_BEGIN_DECLS

/**
 * AccordScoreModel:
 * @ACCORD_SCORE_MODEL_WEIGHTED: weighted mean of criterion credits (partial credit counts)
 * @ACCORD_SCORE_MODEL_XCCDF_DEFAULT: XCCDF 1.2 `urn:xccdf:scoring:default`
 * @ACCORD_SCORE_MODEL_XCCDF_FLAT: XCCDF 1.2 `urn:xccdf:scoring:flat`
 * @ACCORD_SCORE_MODEL_XCCDF_FLAT_UNWEIGHTED: XCCDF 1.2 `urn:xccdf:scoring:flat-unweighted`
 * @ACCORD_SCORE_MODEL_XCCDF_ABSOLUTE: XCCDF 1.2 `urn:xccdf:scoring:absolute`
 */
typedef enum {
	ACCORD_SCORE_MODEL_WEIGHTED,
	ACCORD_SCORE_MODEL_XCCDF_DEFAULT,
	ACCORD_SCORE_MODEL_XCCDF_FLAT,
	ACCORD_SCORE_MODEL_XCCDF_FLAT_UNWEIGHTED,
	ACCORD_SCORE_MODEL_XCCDF_ABSOLUTE,
} AccordScoreModel;

/**
 * AccordAggregation:
 * @ACCORD_AGGREGATION_ARITHMETIC: weighted arithmetic mean of pillar scores
 * @ACCORD_AGGREGATION_GEOMETRIC: weighted geometric mean of pillar scores
 */
typedef enum {
	ACCORD_AGGREGATION_ARITHMETIC,
	ACCORD_AGGREGATION_GEOMETRIC,
} AccordAggregation;

/**
 * AccordUnknownPolicy:
 * @ACCORD_UNKNOWN_ZERO: an unknown criterion counts, with credit 0
 * @ACCORD_UNKNOWN_EXCLUDE: an unknown criterion is left out, like a not-applicable one
 * @ACCORD_UNKNOWN_PASS: an unknown criterion counts as met (an upper bound)
 */
typedef enum {
	ACCORD_UNKNOWN_ZERO,
	ACCORD_UNKNOWN_EXCLUDE,
	ACCORD_UNKNOWN_PASS,
} AccordUnknownPolicy;

/**
 * AccordScoreOptions:
 * @model: the scoring model
 * @aggregation: how pillar scores combine (weighted model only)
 * @unknown: how unknown criteria count
 * @tailoring: (nullable): selections and weight overrides for the scored ruleset
 */
typedef struct {
	AccordScoreModel model;
	AccordAggregation aggregation;
	AccordUnknownPolicy unknown;
	const AccordTailoring *tailoring;
} AccordScoreOptions;

/**
 * AccordScoreItem:
 * @applicable: %FALSE when nothing under the item counts (all not applicable, or excluded)
 * @value: the score on 0–100; NAN when not applicable
 * @coverage: the share, in [0, 1], of counted criterion weight whose facts are known
 * @numerator: the weighted sum of credits behind @value (model units)
 * @denominator: the weight @numerator is divided by (model units)
 * @share: the share, in [0, 1], of the overall score this item carries (rules and pillars)
 * @coverage_high: like @coverage, counting only criteria whose facts are all high confidence
 * @low_confidence: the share, in [0, 1], of applicable weight resting on a low-confidence
 *   (inferred) fact
 *
 * One score of a rule, a pillar or the whole ruleset. A read-only record owned by #AccordScore.
 */
typedef struct {
	gboolean applicable;
	gdouble value;
	gdouble coverage;
	gdouble numerator;
	gdouble denominator;
	gdouble share;
	gdouble coverage_high;
	gdouble low_confidence;
} AccordScoreItem;

/**
 * AccordTermStatus:
 * @ACCORD_TERM_COUNTED: the criterion counts with its own credit
 * @ACCORD_TERM_UNKNOWN_AS_ZERO: unknown, counted with credit 0 (`--unknown zero`)
 * @ACCORD_TERM_UNKNOWN_AS_PASS: unknown, counted as met (`--unknown pass`)
 * @ACCORD_TERM_NOT_APPLICABLE: left out: its precondition is false
 * @ACCORD_TERM_DESELECTED: left out: the tailoring deselects it, its rule or its pillar
 * @ACCORD_TERM_UNKNOWN_EXCLUDED: left out: unknown under `--unknown exclude`
 *
 * Whether a criterion entered its rule's score, and why not.
 */
typedef enum {
	ACCORD_TERM_COUNTED,
	ACCORD_TERM_UNKNOWN_AS_ZERO,
	ACCORD_TERM_UNKNOWN_AS_PASS,
	ACCORD_TERM_NOT_APPLICABLE,
	ACCORD_TERM_DESELECTED,
	ACCORD_TERM_UNKNOWN_EXCLUDED,
} AccordTermStatus;

/**
 * AccordScoreTerm:
 * @status: counted, or why not
 * @applicable: %FALSE when not applicable or deselected (coverage leaves it out)
 * @known: %TRUE when the profile states the facts it rests on
 * @weight_as_set: its weight as the ruleset or tailoring sets it
 * @credit: the credit the model uses: its own, pass/fail for XCCDF models, or the policy's
 * @weight: the weight the model uses: @weight_as_set, or 1 for the unweighted XCCDF models
 * @confidence: the weakest confidence of the facts it rests on (when @known)
 *
 * One criterion's term in its rule's score: the rule's numerator sums @weight × @credit and
 * its denominator @weight over the counted terms. A read-only record owned by #AccordScore.
 */
typedef struct {
	AccordTermStatus status;
	gboolean applicable;
	gboolean known;
	gdouble weight_as_set;
	gdouble credit;
	gdouble weight;
	AccordConfidence confidence;
} AccordScoreTerm;

/**
 * AccordScore:
 *
 * The scores of one evaluation on 0–100 under #AccordScoreOptions: every rule, every pillar and the
 * whole ruleset, with coverage and each criterion's term (accord_score_compute()). Immutable and
 * shared by reference (accord_score_ref()); it holds a reference to its evaluation and tailoring.
 */
typedef struct _AccordScore AccordScore;

const gchar *
accord_term_status_to_string(AccordTermStatus status);
gboolean
accord_term_is_counted(const AccordScoreTerm *term) ACCORD_NON_NULL(1);

void
accord_score_options_init(AccordScoreOptions *options) ACCORD_NON_NULL(1);
const gchar *
accord_score_model_to_string(AccordScoreModel model);
gboolean
accord_score_model_from_string(const gchar *text, AccordScoreModel *model);
const gchar *
accord_aggregation_to_string(AccordAggregation aggregation);
gboolean
accord_aggregation_from_string(const gchar *text, AccordAggregation *aggregation);
const gchar *
accord_unknown_policy_to_string(AccordUnknownPolicy policy);
gboolean
accord_unknown_policy_from_string(const gchar *text, AccordUnknownPolicy *policy);

G_GNUC_WARN_UNUSED_RESULT AccordScore *
accord_score_compute(const AccordEvaluation *evaluation,
		     const AccordScoreOptions *options,
		     GError **error) ACCORD_NON_NULL(1, 2);
AccordScore *
accord_score_ref(const AccordScore *self) ACCORD_NON_NULL(1);
void
accord_score_unref(AccordScore *self);

const AccordEvaluation *
accord_score_get_evaluation(const AccordScore *self) ACCORD_NON_NULL(1);
const AccordScoreOptions *
accord_score_get_options(const AccordScore *self) ACCORD_NON_NULL(1);
const AccordScoreItem *
accord_score_get_overall(const AccordScore *self) ACCORD_NON_NULL(1);
const AccordScoreItem *
accord_score_get_pillar(const AccordScore *self, const AccordPillar *pillar) ACCORD_NON_NULL(1, 2);
const AccordScoreItem *
accord_score_get_rule(const AccordScore *self, const AccordRule *rule) ACCORD_NON_NULL(1, 2);
gdouble
accord_score_get_pillar_weight(const AccordScore *self, const AccordPillar *pillar)
    ACCORD_NON_NULL(1, 2);
gdouble
accord_score_get_rule_weight(const AccordScore *self, const AccordRule *rule) ACCORD_NON_NULL(1, 2);
gdouble
accord_score_get_criterion_weight(const AccordScore *self, const AccordCriterion *criterion)
    ACCORD_NON_NULL(1, 2);
gboolean
accord_score_selects_criterion(const AccordScore *self, const AccordCriterion *criterion)
    ACCORD_NON_NULL(1, 2);
gboolean
accord_score_gain_if_met(const AccordScore *self,
			 const GPtrArray *criteria,
			 gdouble *gain,
			 GError **error) ACCORD_NON_NULL(1, 2, 3);
gboolean
accord_score_counts_criterion(const AccordScore *self, const AccordCriterion *criterion)
    ACCORD_NON_NULL(1, 2);

const AccordScoreTerm *
accord_score_get_term(const AccordScore *self, const AccordCriterion *criterion)
    ACCORD_NON_NULL(1, 2);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(AccordScore, accord_score_unref)

G_END_DECLS
