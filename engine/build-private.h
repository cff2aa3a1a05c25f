#pragma once

#include "accord/accord.h"

G_BEGIN_DECLS

/* the series a chart tells apart (by colour, dash and point shape): a builder charts no more */
#define ACCORD_BUILD_MAX_SERIES 6

/* where a view is shown: alone (by its own verb); inside a briefing, which shows each ruleset
 * with its options, score and context; or inside a briefing of a report of several countries,
 * which shows once what is the same for every country: each ruleset, its pillars and rules,
 * the options (in its ranking) and how to read the views */
typedef enum {
	ACCORD_BUILD_ALONE,
	ACCORD_BUILD_IN_BRIEFING,
	ACCORD_BUILD_IN_REPORT,
} AccordBuildPlace;

/* how to read a gap report's gaps and a roadmap's steps; a report says each once */
#define ACCORD_BUILD_GAP_PROSE                                                                     \
	"A rule's gap is the points of overall score its shortfall costs: its weight share x "     \
	"(100 - its score). Largest first."
#define ACCORD_BUILD_ROADMAP_PROSE                                                                 \
	"Each step sets facts to values: the change that raises the objective most per unit of "   \
	"effort, re-scored from the state the steps before it leave (ties: the larger gain, then " \
	"the first fact in key order and value in vocabulary order). Without such a change, the "  \
	"best pair; without one, the change that raises attainment most without lowering the "     \
	"objective. No criterion is raised before those it depends on."

/* what several builders show the same way (build-common.c, build-score.c) */
const AccordProfile *
accord_build_profile_of(const AccordScore *score);
AccordDocument *
accord_build_document(const gchar *kind, const gchar *title, const AccordScore *score);
void
accord_build_header(AccordNode *root, const AccordScore *score, gboolean quote);
void
accord_build_profile_fields(AccordNode *parent, const AccordProfile *profile);
void
accord_build_ruleset_fields(AccordNode *parent, const AccordRuleset *ruleset, gboolean quote);
void
accord_build_options_fields(AccordNode *parent, const AccordScoreOptions *options);
void
accord_build_overall_fields(AccordNode *parent, const AccordScore *score);
void
accord_build_filter_fields(AccordNode *parent, const AccordProfile *profile, gboolean count);
AccordNode *
accord_build_dropped(AccordNode *parent,
		     AccordNode *table,
		     const gchar *lead_column,
		     AccordCell lead,
		     const AccordProfile *profile);
void
accord_build_context(AccordNode *parent, const AccordAssessment *assessment);
AccordNode *
accord_build_assumptions(AccordNode *parent, AccordNode *table, const AccordProfile *profile);
void
accord_build_pillars(AccordNode *parent, const AccordScore *score, gboolean quote);
AccordDocument *
accord_build_roadmap(const AccordRoadmap *roadmap, AccordBuildPlace place);
AccordDocument *
accord_build_gaps(const AccordAssessment *assessment,
		  const AccordGapList *gaps,
		  AccordBuildPlace place);
AccordCell
accord_build_fact(const AccordProfile *profile, const gchar *key);
void
accord_build_fact_rows(AccordNode *table,
		       const AccordScore *score,
		       const AccordCriterion *criterion,
		       const AccordCell *lead,
		       guint n_lead);
guint
accord_build_basis_marks(const AccordScore *score, const AccordCriterion *criterion);
AccordNode *
accord_build_rule_item(AccordNode *list, const AccordRule *rule);
AccordCell
accord_build_provision(const AccordRule *rule);
const gchar *
accord_build_outcome(const AccordScore *score, const AccordCriterion *criterion);
void
accord_build_rules(AccordNode *root,
		   const AccordScore *score,
		   const AccordExplanation *explanation);

G_END_DECLS
