#pragma once

#include "accord/accord.h"

G_BEGIN_DECLS

/* the series a chart tells apart (by colour, dash and point shape): a builder charts no more */
#define ACCORD_BUILD_MAX_SERIES 6

/* how to read a gap report's gaps; a report of several countries says it once */
#define ACCORD_BUILD_GAP_PROSE                                                                     \
	"A rule's gap is the points of overall score its shortfall costs: its weight share x "     \
	"(100 - its score). Largest first."

/* what several builders show the same way (build-common.c, build-score.c) */
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
accord_build_roadmap(const AccordRoadmap *roadmap, gboolean alone);
AccordDocument *
accord_build_gaps(const AccordAssessment *assessment, const AccordGapList *gaps, gboolean quote);
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
AccordCell
accord_build_provision(const AccordRule *rule);
const gchar *
accord_build_outcome(const AccordScore *score, const AccordCriterion *criterion);
void
accord_build_rules(AccordNode *root,
		   const AccordScore *score,
		   const AccordExplanation *explanation);

G_END_DECLS
