#pragma once

#include "accord/roadmap.h"

G_BEGIN_DECLS

/* the search for a roadmap's next step (roadmap-search.c); roadmap.c keeps the records */

/* the gain below which a change does not count as raising a score: far below the 0.05 that
 * one printed decimal shows, far above the rounding of a re-scored mean */
#define ACCORD_ROADMAP_EPSILON 1e-9

typedef struct _AccordRoadmapSearch AccordRoadmapSearch;

/* a chosen step: what it sets, what it costs, why, and every assessment re-scored after it */
typedef struct {
	GArray *changes; /* AccordRoadmapChange; strings in the search's chunk */
	const AccordPlanBundle *bundle;
	guint cost;
	AccordRoadmapBasis basis;
	GPtrArray *scores; /* AccordScore*, one per assessment */
} AccordRoadmapChoice;

AccordRoadmapSearch *
accord_roadmap_search_new(const AccordAssessment *const *assessments,
			  guint n_assessments,
			  const gdouble *weights,
			  const AccordRoadmapOptions *options,
			  GStringChunk *strings);
void
accord_roadmap_search_free(AccordRoadmapSearch *search);
gboolean
accord_roadmap_search_next(AccordRoadmapSearch *search,
			   AccordRoadmapChoice *choice,
			   gboolean *found,
			   GError **error);
AccordRoadmapEnd
accord_roadmap_search_get_end(const AccordRoadmapSearch *search);
gdouble
accord_roadmap_objective(const AccordRoadmapSearch *search, const GPtrArray *scores);
gboolean
accord_roadmap_attainment(const AccordRoadmapSearch *search,
			  const GPtrArray *scores,
			  gdouble *attainment,
			  GError **error);
void
accord_roadmap_choice_clear(AccordRoadmapChoice *choice);

/* what a change, tried as a step would be, gives: each assessment's overall value (the first
 * eight), the gain of the objective, the attainment and the flags the choice reads */
typedef struct {
	gdouble overall[8];
	gdouble gain;
	gdouble attainment;
	gboolean useful; /* raises a selected criterion */
	gboolean lowers; /* lowers one */
	gboolean ready;	 /* every criterion it raises has its dependencies met */
} AccordRoadmapTry;

gboolean
accord_roadmap_search_try(AccordRoadmapSearch *search,
			  const AccordRoadmapChange *changes,
			  guint n_changes,
			  gboolean full,
			  AccordRoadmapTry *out,
			  GError **error);

/* every step evaluates every candidate and the look-ahead scores every pair of single
 * changes (@exhaustive), or they leave out what they can tell is not ready, as they do by
 * default; for the tests that hold the two equal. The number of pairs scored so far */
void
accord_roadmap_search_set_exhaustive(AccordRoadmapSearch *search, gboolean exhaustive);
guint
accord_roadmap_search_get_pairs_scored(const AccordRoadmapSearch *search);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(AccordRoadmapSearch, accord_roadmap_search_free)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(AccordRoadmapChoice, accord_roadmap_choice_clear)

G_END_DECLS
