#pragma once

#if !defined(__ACCORD_H_INSIDE__) && !defined(ACCORD_COMPILATION)
#error "Only <accord/accord.h> can be included directly."
#endif

#include <glib.h>

#include "macros.h"
#include "profile.h"
#include "ruleset.h"

G_BEGIN_DECLS

/**
 * AccordOutcome:
 * @ACCORD_OUTCOME_PASS: the criterion is met in full (credit 1)
 * @ACCORD_OUTCOME_PARTIAL: met in part, with a credit strictly between 0 and 1
 * @ACCORD_OUTCOME_FAIL: not met (credit 0)
 * @ACCORD_OUTCOME_UNKNOWN: the profile does not state a fact the check needs
 * @ACCORD_OUTCOME_NOT_APPLICABLE: the criterion's precondition is false
 */
typedef enum {
	ACCORD_OUTCOME_PASS,
	ACCORD_OUTCOME_PARTIAL,
	ACCORD_OUTCOME_FAIL,
	ACCORD_OUTCOME_UNKNOWN,
	ACCORD_OUTCOME_NOT_APPLICABLE,
} AccordOutcome;

/**
 * AccordCriterionResult:
 * @outcome: what the evaluation found
 * @credit: the credit in [0, 1]; 0 for unknown and not applicable
 * @known: %TRUE when the profile states the facts the outcome rests on (coverage counts it);
 *   a waived unknown criterion passes but stays unknown in this sense
 * @confidence: the weakest confidence among the stated facts the criterion reads
 * @evidence: (nullable): the oldest of the newest evidence dates of the stated facts it reads
 *   (how recent its weakest-dated support is), or %NULL when it reads none
 * @dropped: why the first fact it reads that a filter left out was left out
 *   (accord_profile_new_filtered()); %ACCORD_DROP_NONE when none was
 *
 * The evaluation of one criterion. A plain read-only record owned by its #AccordEvaluation;
 * why it has its outcome, in words, is formatted on demand by
 * accord_evaluation_format_reason().
 */
typedef struct {
	AccordOutcome outcome;
	gdouble credit;
	gboolean known;
	AccordConfidence confidence;
	const gchar *evidence;
	AccordDropReason dropped;
} AccordCriterionResult;

/**
 * AccordEvaluation:
 *
 * The outcome and credit of every criterion of a ruleset for one profile
 * (accord_evaluate()). Immutable and shared by reference (accord_evaluation_ref()); it holds a
 * reference to its ruleset and profile.
 */
typedef struct _AccordEvaluation AccordEvaluation;

const gchar *
accord_outcome_to_string(AccordOutcome outcome);
gboolean
accord_outcome_from_string(const gchar *text, AccordOutcome *outcome);

G_GNUC_WARN_UNUSED_RESULT AccordEvaluation *
accord_evaluate(const AccordRuleset *ruleset, const AccordProfile *profile, GError **error)
    ACCORD_NON_NULL(1, 2);
G_GNUC_WARN_UNUSED_RESULT AccordEvaluation *
accord_evaluation_new_with_met(const AccordEvaluation *base,
			       const GPtrArray *criteria,
			       const gchar *why,
			       gboolean establishes_facts) ACCORD_NON_NULL(1, 2, 3);
AccordEvaluation *
accord_evaluation_ref(const AccordEvaluation *self) ACCORD_NON_NULL(1);
void
accord_evaluation_unref(AccordEvaluation *self);

const AccordRuleset *
accord_evaluation_get_ruleset(const AccordEvaluation *self) ACCORD_NON_NULL(1);
const AccordProfile *
accord_evaluation_get_profile(const AccordEvaluation *self) ACCORD_NON_NULL(1);
const AccordCriterionResult *
accord_evaluation_get_result(const AccordEvaluation *self, const AccordCriterion *criterion)
    ACCORD_NON_NULL(1, 2);
G_GNUC_WARN_UNUSED_RESULT gchar *
accord_evaluation_format_reason(const AccordEvaluation *self, const AccordCriterion *criterion)
    ACCORD_NON_NULL(1, 2);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(AccordEvaluation, accord_evaluation_unref)

G_END_DECLS
