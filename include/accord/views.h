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
accord_ranking_to_streamed_document(const AccordRanking *ranking) ACCORD_NON_NULL(1);
G_GNUC_WARN_UNUSED_RESULT AccordDocument *
accord_comparison_sets_to_document(const GPtrArray *sets, const GPtrArray *baselines)
    ACCORD_NON_NULL(1);
G_GNUC_WARN_UNUSED_RESULT AccordDocument *
accord_diff_to_document(const AccordDiff *diff) ACCORD_NON_NULL(1);
G_GNUC_WARN_UNUSED_RESULT AccordDocument *
accord_validation_to_document(const GPtrArray *results) ACCORD_NON_NULL(1);
/**
 * AccordBriefingFlags:
 * @ACCORD_BRIEFING_DEFAULT: a briefing complete in itself
 * @ACCORD_BRIEFING_CITE_RULES: a briefing for a report of several countries
 *   (accord_report_to_document()), which shows once what is the same for every country: the
 *   briefing leaves out the ruleset's version, title and agreement, the pillars' titles, each
 *   rule's obligation, provision and recommendation and its criteria's titles (the report
 *   quotes them once), the scoring options (the report's ranking shows them) and the prose on
 *   how to read gaps and steps; its gaps become a table naming each rule by id and a table of
 *   their unmet criteria, and its roadmap's steps name criteria without their rule
 *
 * What a briefing quotes (accord_briefing_to_document()).
 */
typedef enum {
	ACCORD_BRIEFING_DEFAULT = 0,
	ACCORD_BRIEFING_CITE_RULES = 1 << 0,
} AccordBriefingFlags;

G_GNUC_WARN_UNUSED_RESULT AccordDocument *
accord_briefing_to_document(const GPtrArray *assessments,
			    const GPtrArray *gap_lists,
			    const AccordRoadmap *roadmap,
			    AccordBriefingFlags flags) ACCORD_NON_NULL(1, 2, 3);
G_GNUC_WARN_UNUSED_RESULT AccordDocument *
accord_report_to_document(const GPtrArray *overviews,
			  const GPtrArray *briefings,
			  const GPtrArray *rulesets) ACCORD_NON_NULL(1, 2, 3);

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
