#pragma once

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
} AccordScoreItem;

typedef struct _AccordScore AccordScore;

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
void
accord_score_free(AccordScore *self);

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

G_DEFINE_AUTOPTR_CLEANUP_FUNC(AccordScore, accord_score_free)

G_END_DECLS
