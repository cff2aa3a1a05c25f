#pragma once

#include <gsl/gsl_rng.h>

#include "accord/accord.h"

G_BEGIN_DECLS

/* The uncertainty analysis in three parts: the model (uncertainty-model.c) evaluates every
 * criterion of every country once per state its facts can take and keeps the outcomes; a run
 * (uncertainty-run.c) draws the inputs and re-aggregates those outcomes into scores, the way
 * engine/score.c does; the analysis (uncertainty.c) runs the draws and the sensitivity design
 * on threads and summarises them */

/* a criterion's outcome in one state of its facts: its credit in [0, 1] when known, or one
 * of these */
#define ACCORD_STATE_UNKNOWN	    (-1.0)
#define ACCORD_STATE_NOT_APPLICABLE (-2.0)

/* a fact a country states, that a criterion reads and that may change in a draw. Its state
 * is 0 (kept), 1 (dropped) or 2 + i (flipped to neighbour i). What building and reporting
 * need; a draw reads the compact AccordFactHot */
typedef struct {
	const AccordFactDef *def;
	AccordEvidenceClass confidence;
	AccordEvidenceClass age;
	gdouble change; /* the chance it is flipped or dropped in a draw, above 0 */
	gdouble drop;	/* the chance it is dropped, given that it changes */
	guint n_neighbours;
	AccordValue *neighbours; /* the values it may flip to */
} AccordUncertainFact;

typedef struct {
	gdouble drop;	     /* the chance it is dropped, given that it changes */
	gdouble before;	     /* the survival product before it: 1 at the start of a segment */
	gdouble inv_width;   /* 1 / (before − its survival product) */
	gdouble flip_scale;  /* n_neighbours / (1 − drop) */
	guint32 segment_end; /* the last fact of its segment of the chain */
	guint32 n_neighbours;
	guint32 criteria;   /* its first entry in fact_criteria */
	guint32 n_criteria; /* the criteria that read it */
} AccordFactHot;

/* one uncertain fact a criterion reads, and its place value in the state index */
typedef struct {
	guint32 fact;
	guint32 stride;
} AccordFactRef;

/* a selected criterion: its outcomes in every state of the uncertain facts it reads, indexed
 * by Σ state × stride (0: every fact kept) */
typedef struct {
	guint32 refs; /* its first entry in refs */
	guint32 n_refs;
	guint32 outcomes; /* its first entry in outcomes */
	guint32 n_states;
} AccordCriterionHot;

/* a rule's weighted sum of credits, the weight it is divided by, and how many criteria count */
typedef struct {
	gdouble numerator;
	gdouble denominator;
	gint counted;
} AccordRuleSum;

/* one country, laid out in a few flat arrays: a draw sweeps every country, so what it reads
 * must be compact */
typedef struct {
	const AccordProfile *profile; /* as assessed: with the assumptions */
	gdouble nominal;
	guint n_facts;
	AccordUncertainFact *info; /* by fact, in key order */
	AccordFactHot *facts;	   /* by fact */
	gdouble *survival;	   /* Π (1 − change) over the segment up to each fact */
	guint32 *fact_criteria;
	AccordCriterionHot *criteria; /* the selected criteria, rule by rule */
	AccordFactRef *refs;
	gdouble *outcomes;
	gdouble *rule_values; /* [policy × n_rules + rule]: Σw·c/Σw with every fact kept; NAN
				 when nothing counts */
	AccordRuleSum *rule_sums; /* [policy × n_rules + rule]: the sums behind it */
} AccordCountryModel;

/* siblings whose weights are drawn together: the pillars, or one pillar's rules */
typedef struct {
	gboolean pillars;
	guint n;
	guint *members; /* pillar or rule indices */
	gdouble *alpha; /* Dirichlet parameters: concentration × nominal share */
} AccordWeightGroup;

typedef struct {
	const AccordRuleset *ruleset;
	const gchar *date; /* borrowed while building: the day evidence is aged as of, or NULL */
	AccordScoreOptions score;
	AccordUncertaintyOptions options;
	guint n_countries;
	guint n_rules;
	guint n_pillars;
	guint n_criteria;	   /* selected */
	gdouble *criterion_weight; /* by selected criterion */
	guint *criterion_rule;	   /* by selected criterion: the index of its rule */
	guint *rule_pillar;	   /* by rule */
	guint *rule_start;    /* n_rules + 1: each rule's criteria in AccordCountryModel.criteria */
	gdouble *rule_weight; /* effective (W·m), as scored */
	gdouble *pillar_weight;
	guint n_groups;
	AccordWeightGroup *groups;
	guint n_policies;
	AccordUnknownPolicy policies[3];
	guint max_facts;
	AccordCountryModel *countries;
	guint *nominal_positions;
	gdouble *nominal_ranks; /* average ranks, for Spearman's rho */
} AccordModel;

/* a batch of model runs: what each drew, the scores it gave, and the working space. A batch
 * is scored country by country, every run in turn, so a country's tables stay in the cache
 * while all the runs use them */
typedef struct {
	const AccordModel *model;
	guint capacity;
	guint n;				 /* runs in the batch */
	gsl_rng *rng[ACCORD_N_UNCERTAIN_INPUTS]; /* reseeded for each run */
	gsl_rng **evidence;		/* by run: its evidence stream, read country by country */
	AccordAggregation *aggregation; /* by run */
	AccordUnknownPolicy *unknown;
	guint *flipped;
	guint *dropped;
	gdouble *pillar_weights; /* run × n_pillars */
	gdouble *rule_weights;	 /* run × n_rules */
	gdouble *scores;	 /* run × n_countries; NAN where nothing counted */
	guint *order;		 /* accord_run_rank(): the countries best first */
	guint *buckets;		 /* its counting sort */
	guint *positions;	 /* its competition ranks, by country */
	gdouble *ranks;		 /* its average ranks, by country */
	guint8 *state;		 /* by uncertain fact of the country being scored */
	guint *changed;
	guint8 *dirty;		 /* by rule: a changed criterion is in it */
	guint *dirty_rules;	 /* the rules marked so */
	AccordRuleSum *sums;	 /* by rule: the sums of the rules marked so */
	guint8 *reached;	 /* by criterion: a changed fact reaches it */
	guint *reached_criteria; /* the criteria marked so */
	gdouble *values;	 /* by rule: its value in the run and country being scored */
	gdouble *theta;		 /* a Dirichlet draw */
	gdouble *pillar_sums;
} AccordRun;

/* uncertainty-model.c */
AccordModel *
accord_model_new(const AccordRuleset *ruleset,
		 const GPtrArray *assessments,
		 const gchar *date,
		 const AccordUncertaintyOptions *options,
		 GError **error);
void
accord_model_free(AccordModel *self);
gboolean
accord_model_check_inputs(const AccordModel *self, GError **error);
guint
accord_model_count_facts(const AccordModel *self, AccordEvidenceClass evidence_class);

/* uncertainty-run.c */
AccordRuleSum
accord_rule_sum(const AccordModel *model,
		const AccordCountryModel *country,
		guint rule,
		AccordUnknownPolicy unknown);
AccordRun *
accord_run_new(const AccordModel *model, guint capacity);
void
accord_run_free(AccordRun *self);
guint64
accord_run_seed(guint64 seed, guint purpose, guint64 index, guint input);
void
accord_run_draw(AccordRun *self, guint n, const guint64 *seeds);
void
accord_run_rank(AccordRun *self, guint run, gboolean average);
void
accord_model_rank_nominal(AccordModel *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(AccordModel, accord_model_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC(AccordRun, accord_run_free)

G_END_DECLS
