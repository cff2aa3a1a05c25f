#pragma once

#if !defined(__ACCORD_H_INSIDE__) && !defined(ACCORD_COMPILATION)
#error "Only <accord/accord.h> can be included directly."
#endif

#include <glib.h>

#include "macros.h"
#include "score.h"
#include "waiver.h"

G_BEGIN_DECLS

/**
 * AccordVariant:
 * @ACCORD_VARIANT_AS_GIVEN: with every assumption and waiver the options give
 * @ACCORD_VARIANT_WITHOUT_ASSUMPTIONS: the profile as its file states it (waivers applied)
 * @ACCORD_VARIANT_BEFORE_WAIVERS: with the assumptions, before any waiver is applied
 *
 * The versions of one assessment that reports show side by side.
 */
typedef enum {
	ACCORD_VARIANT_AS_GIVEN,
	ACCORD_VARIANT_WITHOUT_ASSUMPTIONS,
	ACCORD_VARIANT_BEFORE_WAIVERS,
} AccordVariant;

/**
 * AccordAssessmentOptions:
 * @score: the model, aggregation, unknown policy and tailoring
 * @assumptions: (nullable) (array zero-terminated=1): what-if facts, `KEY=VALUE` for every
 *   profile or `CC:KEY=VALUE` for the country CC only (the prefix matches in any case)
 * @waivers: (nullable): waivers to apply
 * @date: (nullable): the day of the assessment, `YYYY-MM-DD`: waivers are checked and evidence
 *   aged and expired on it; %NULL for today
 * @min_confidence: the weakest confidence a stated fact needs to count
 *   (%ACCORD_CONFIDENCE_LOW, the default, keeps every fact)
 * @evidence_max_age: the most years before @date a fact's newest evidence may be; 0 (the
 *   default) for no limit
 *
 * What an assessment applies, in this order: the fact filter (accord_profile_new_filtered()),
 * assumptions, evaluation, waivers, score.
 */
typedef struct {
	AccordScoreOptions score;
	const gchar *const *assumptions;
	const AccordWaiverList *waivers;
	const gchar *date;
	AccordConfidence min_confidence;
	guint evidence_max_age;
} AccordAssessmentOptions;

/**
 * AccordAssessment:
 *
 * One country assessed against one ruleset under #AccordAssessmentOptions: the score as given and,
 * where they differ, the scores before waivers and without assumptions, with how each waiver was
 * used (accord_assess()). Immutable and shared by reference (accord_assessment_ref()).
 */
typedef struct _AccordAssessment AccordAssessment;

const gchar *
accord_variant_to_string(AccordVariant variant);
void
accord_assessment_options_init(AccordAssessmentOptions *options) ACCORD_NON_NULL(1);
G_GNUC_WARN_UNUSED_RESULT GStrv
accord_assumptions_for_country(const gchar *const *assumptions, const gchar *country)
    ACCORD_NON_NULL(2);
G_GNUC_WARN_UNUSED_RESULT AccordAssessment *
accord_assess(const AccordRuleset *ruleset,
	      const AccordProfile *profile,
	      const AccordAssessmentOptions *options,
	      GError **error) ACCORD_NON_NULL(1, 2, 3);
G_GNUC_WARN_UNUSED_RESULT AccordScore *
accord_assessment_rescore(const AccordAssessment *self,
			  const gchar *const *assumptions,
			  GError **error) ACCORD_NON_NULL(1, 2);
AccordAssessment *
accord_assessment_ref(const AccordAssessment *self) ACCORD_NON_NULL(1);
void
accord_assessment_unref(AccordAssessment *self);
const AccordProfile *
accord_assessment_get_profile(const AccordAssessment *self) ACCORD_NON_NULL(1);
const AccordRuleset *
accord_assessment_get_ruleset(const AccordAssessment *self) ACCORD_NON_NULL(1);
gboolean
accord_assessment_has_variant(const AccordAssessment *self, AccordVariant variant)
    ACCORD_NON_NULL(1);
const AccordScore *
accord_assessment_get_score(const AccordAssessment *self, AccordVariant variant) ACCORD_NON_NULL(1);
const AccordWaiverOutcome *
accord_assessment_get_waivers(const AccordAssessment *self) ACCORD_NON_NULL(1);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(AccordAssessment, accord_assessment_unref)

G_END_DECLS
