#pragma once

#if !defined(__ACCORD_H_INSIDE__) && !defined(ACCORD_COMPILATION)
#error "Only <accord/accord.h> can be included directly."
#endif

#include <glib.h>

#include "assessment.h"
#include "compare.h"
#include "diff.h"
#include "document.h"
#include "explain.h"
#include "gaps.h"
#include "input.h"
#include "macros.h"
#include "parties.h"
#include "rank.h"
#include "roadmap.h"
#include "uncertainty.h"

G_BEGIN_DECLS

/* one builder per view: each chooses what of its analysis to show, and in what order, and
 * computes nothing; accord_document_render() writes the result in any format */

G_GNUC_WARN_UNUSED_RESULT AccordDocument *
accord_score_to_document(const AccordAssessment *assessment) ACCORD_NON_NULL(1);
G_GNUC_WARN_UNUSED_RESULT AccordDocument *
accord_gaps_to_document(const AccordAssessment *assessment, const AccordGapList *gaps)
    ACCORD_NON_NULL(1, 2);
G_GNUC_WARN_UNUSED_RESULT AccordDocument *
accord_explanation_to_document(const AccordAssessment *assessment,
			       const AccordExplanation *explanation) ACCORD_NON_NULL(1, 2);
G_GNUC_WARN_UNUSED_RESULT AccordDocument *
accord_roadmap_to_document(const AccordRoadmap *roadmap) ACCORD_NON_NULL(1);
G_GNUC_WARN_UNUSED_RESULT AccordDocument *
accord_ranking_to_document(const AccordRanking *ranking) ACCORD_NON_NULL(1);
G_GNUC_WARN_UNUSED_RESULT AccordDocument *
accord_comparison_sets_to_document(const GPtrArray *sets, const GPtrArray *baselines)
    ACCORD_NON_NULL(1);
G_GNUC_WARN_UNUSED_RESULT AccordDocument *
accord_diff_to_document(const AccordDiff *diff) ACCORD_NON_NULL(1);
G_GNUC_WARN_UNUSED_RESULT AccordDocument *
accord_validation_to_document(const GPtrArray *results) ACCORD_NON_NULL(1);
G_GNUC_WARN_UNUSED_RESULT AccordDocument *
accord_briefing_to_document(const GPtrArray *assessments,
			    const GPtrArray *gap_lists,
			    const AccordRoadmap *roadmap) ACCORD_NON_NULL(1, 2, 3);
G_GNUC_WARN_UNUSED_RESULT AccordDocument *
accord_report_to_document(const GPtrArray *overviews, const GPtrArray *briefings)
    ACCORD_NON_NULL(1, 2);

G_GNUC_WARN_UNUSED_RESULT AccordDocument *
accord_rulesets_to_document(const GPtrArray *rulesets) ACCORD_NON_NULL(1);
G_GNUC_WARN_UNUSED_RESULT AccordDocument *
accord_profiles_to_document(const GPtrArray *profiles) ACCORD_NON_NULL(1);
G_GNUC_WARN_UNUSED_RESULT AccordDocument *
accord_vocabulary_to_document(const AccordVocabulary *vocabulary) ACCORD_NON_NULL(1);
G_GNUC_WARN_UNUSED_RESULT AccordDocument *
accord_parties_to_document(const AccordParties *parties) ACCORD_NON_NULL(1);
G_GNUC_WARN_UNUSED_RESULT AccordDocument *
accord_uncertainty_to_document(const AccordUncertainty *uncertainty) ACCORD_NON_NULL(1);
G_GNUC_WARN_UNUSED_RESULT AccordDocument *
accord_score_with_uncertainty_to_document(const AccordAssessment *assessment,
					  const AccordUncertainty *uncertainty)
    ACCORD_NON_NULL(1, 2);
G_GNUC_WARN_UNUSED_RESULT AccordDocument *
accord_ranking_with_uncertainty_to_document(const AccordRanking *ranking,
					    const AccordUncertainty *uncertainty)
    ACCORD_NON_NULL(1, 2);

G_END_DECLS
