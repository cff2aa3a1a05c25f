#pragma once

#include <gsl/gsl_rng.h>
#include <math.h>

#include "accord/accord.h"

G_BEGIN_DECLS

/* The uncertainty analysis in three parts: the model (uncertainty-model.c, its units in
 * uncertainty-units.c) evaluates every criterion of every country once per state its facts
 * can take and keeps the outcomes; a run (uncertainty-run.c, the evidence drawn in
 * uncertainty-evidence.c) draws the inputs and re-aggregates those outcomes into scores, the
 * way engine/score.c does; the analysis (uncertainty.c) runs the draws and the sensitivity
 * design on threads and summarises them */

/* a function worth copies for AVX-512 and AVX2, which GCC's function multiversioning runs
 * where the processor has them (x86-64 with glibc). The copies do the same operations on wider
 * registers, and never fused multiply-adds (C17, not GNU C, leaves -ffp-contract off, and
 * meson.build says so too), so they give the same results. Where there is AVX-512, its copy cut
 * the time of an analysis with the evidence fixed by about a sixth against the AVX2 copy */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && defined(__GLIBC__) &&       \
    !defined(ACCORD_NO_SIMD)
#define ACCORD_VECTOR_CLONES __attribute__((target_clones("avx512f", "avx2", "default")))
#else
#define ACCORD_VECTOR_CLONES
#endif

/* @n rounded up to a multiple of @multiple, at least @multiple: a size for arrays read
 * @multiple entries at a time */
static inline gsize
accord_round_up(gsize n, gsize multiple)
{
	return MAX((n + multiple - 1) / multiple * multiple, multiple);
}

/* a criterion's outcome in one state of its facts: its credit in [0, 1] when known, or one
 * of these */
#define ACCORD_STATE_UNKNOWN	    (-1.0)
#define ACCORD_STATE_NOT_APPLICABLE (-2.0)

/* SplitMix64 (Steele, Lea and Flood 2014) as a generator: the state steps by the golden
 * ratio and each output is the state mixed. Its 64 bits give two evidence draws, with nothing
 * to call through a pointer; it passes BigCrush */
static inline guint64
accord_splitmix_next(guint64 *state)
{
	guint64 z = (*state += G_GUINT64_CONSTANT(0x9e3779b97f4a7c15));

	z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

/* a fact a country states, that a criterion reads and that may change in a draw. Its state
 * is 0 (kept), 1 (dropped) or 2 + i (flipped to neighbour i). What building and reporting
 * need; a draw reads its units (AccordUnitHot) */
typedef struct {
	const AccordFactDef *def;
	AccordEvidenceClass confidence;
	AccordEvidenceClass age;
	gdouble change; /* the chance it is flipped or dropped in a draw, above 0 */
	gdouble drop;	/* the chance it is dropped, given that it changes */
	guint n_neighbours;
	AccordValue *neighbours; /* the values it may flip to */
} AccordUncertainFact;

/* one uncertain fact a criterion reads, and its place value in the state index */
typedef struct {
	guint32 fact;
	guint32 stride;
} AccordFactRef;

/* what a draw's random numbers range over: each is 16 bits, from 0 to 2^16 − 1, so that each
 * output of a run's generator gives two (uncertainty-evidence.c, draw_numbers()) */
#define ACCORD_NUMBER_RANGE 65536.0

/* a state of a unit other than every fact kept, that a draw can reach. A unit draws a random
 * number r: it changes when r < its change threshold, and then takes the first of its states,
 * most likely first, with r < below. Thresholds are chances × ACCORD_NUMBER_RANGE, rounded */
typedef struct {
	guint64 below;
	guint32 deltas; /* its first entry in deltas */
	guint32 end;	/* and the entry after its last */
	guint32 second; /* its second entry, or the zero delta when it has one: a draw adds the
			   first two with no branch, since most states have one or two */
	guint8 flipped; /* how many of the unit's facts it flips */
	guint8 dropped; /* and drops */
} AccordUnitState;

typedef struct {
	guint64 change;	  /* the chance that any of its facts changes, as a threshold; 0 when its
			     facts are drawn one by one (AccordExactFact) */
	guint32 states;	  /* its first entry in unit_states */
	guint32 n_states; /* reachable states other than every fact kept */
	gboolean single;  /* every state has one delta (its second is the zero delta) */
	gboolean tabled;  /* its changes have tables (AccordCountryModel.tables) */
} AccordUnitHot;

/* the most states (every fact kept among them) a unit may have for its changes to be added
 * by tables, for many runs at once (uncertainty-evidence.c, add_changes_tabled()): as many as
 * one AVX-512 permutation picks from */
#define ACCORD_TABLE_STATES 16

/* the most joint states (every fact kept among them) a rule's units may have for its value to be
 * looked up (AccordCountryModel.joint): 8 KiB a policy */
#define ACCORD_JOINT_STATES 1024
/* and the most units: as many as can have 2 states or more each */
#define ACCORD_JOINT_UNITS 10

/* a unit that holds a fact, and the fact's place value in the unit's state index */
typedef struct {
	guint32 unit;
	guint32 stride;
} AccordUnitRef;

/* a fact of a unit that shares a fact with another unit (rare: only when merging them would
 * make too many joint states). Such units cannot be drawn independently, so their facts are
 * drawn one by one, each with 32 bits, and each adds its state to every unit that holds it.
 * Its states 1 (dropped), 2, … (flipped) have the thresholds of its entries in unit_states,
 * in that order */
typedef struct {
	guint64 change;
	guint32 states;
	guint32 n_states;
	guint32 refs; /* its first entry in unit_refs */
	guint32 n_refs;
} AccordExactFact;

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

/* what one state of a unit changes in one rule, against every fact kept: among the unit's
 * criteria of the rule, the known ones' Σ w·credit, Σ w and count, and the unknown ones'
 * Σ w and count. The draw's unknown policy makes rule sums of them: an unknown criterion
 * counts with credit 0 (zero), 1 (pass) or not at all (exclude) */
typedef struct {
	guint32 slot; /* the rule, in pillar order */
	gint32 known;
	gint32 unknown;
	gdouble numerator;
	gdouble denominator;
	gdouble unknown_weight;
} AccordRuleDelta;

/* a delta as a draw with one unknown policy adds it: to the rows of the run's sums from
 * @row (3 ACCORD_CHUNK × its slot: Σ numerator, Σ denominator and Σ count, ACCORD_CHUNK
 * apart; uncertainty-evidence.c), what the policy makes of its terms */
typedef struct {
	guint32 row;
	gdouble add[3];
} AccordHotDelta;

/* one country, laid out in a few flat arrays: a draw sweeps every country, so what it reads
 * must be compact. A unit is a set of the criteria and the facts they read, whose outcomes
 * are worked out together. The units are independent, so a draw picks each unit's joint
 * state with one 32-bit number, as likely as the product of its facts' chances, and adds that
 * state's rule deltas */
typedef struct {
	const AccordProfile *profile; /* as assessed: with the assumptions */
	gdouble nominal;
	guint n_facts;
	AccordUncertainFact *info;    /* by fact, in key order */
	AccordCriterionHot *criteria; /* the selected criteria, rule by rule */
	AccordFactRef *refs;
	gdouble *outcomes;
	guint n_units;
	AccordUnitHot *units;
	guint32 *unit_at_most; /* by unit, padded to a multiple of ACCORD_LANES: its change
				  threshold less 1 (0 when it cannot change or is drawn fact by
				  fact) */
	guint64 *unit_active;  /* a bit by unit, 64 to a word: those that can change */
	guint32 *unit_below;   /* 16 by unit: its first sixteen states' thresholds less 1,
				  ascending (0xffffffff past its last) */
	AccordUnitState *unit_states;
	guint n_exact;
	AccordExactFact *exact;
	AccordUnitRef *unit_refs;
	guint32 *unit_first;	 /* by unit: the entry of its state 0 in delta_start */
	guint32 *delta_start;	 /* Σ states + 1: each unit state's first entry in deltas */
	AccordRuleDelta *deltas; /* each unit state's, in slot order */
	AccordHotDelta *hot[3];	 /* the deltas by unknown policy, for the policies a draw may
				    take (NULL for the others) */
	/* where the processor has AVX2 or AVX-512, the changes of a unit of fewer than
	 * ACCORD_TABLE_STATES states as tables: for each rule the unit changes (its row in
	 * AccordRun.columns), by unknown policy, what each state adds to the three sums (the
	 * state's index: the count of its thresholds at most its number; the last, every fact
	 * kept, adds 0) */
	guint32 *unit_tables;  /* n_units + 1: each unit's first entry in table_row */
	guint32 *table_row;    /* by table: 3 ACCORD_CHUNK × the rule's slot */
	gdouble *tables[3];    /* by policy (as hot): from table_at[table], each sum's terms by
				  state */
	guint32 *table_at;     /* by table, and one past the last: its first term in tables[],
				  3 × its width after it (8 terms a sum where its unit has fewer
				  than 8 states, else ACCORD_TABLE_STATES) */
	guint32 *table_unit;   /* by table: its unit */
	gboolean *table_later; /* by table: summed with the others of its rule (slot_tables)
				  after the units, not added as its unit comes */
	guint32 *slot_tables;  /* n_rules + 1: each slot's first entry in table_order */
	guint32 *table_order;  /* the tables of the rules that only tabled units change, rule by
				  rule, each rule's in unit order: their terms are summed in
				  registers and stored once (uncertainty-evidence.c) */
	/* the rules whose tables are summed (slot_tables) and whose units' states together are at
	 * most ACCORD_JOINT_STATES: each such rule's value in every joint state of its units, for
	 * every policy a draw takes, so that a draw looks its value up rather than adding up the
	 * tables and dividing (uncertainty-evidence.c, joint_rule_values()) */
	guint32 *joint_at;	  /* n_rules + 1: each slot's first entry in joint (none where the
				     next slot's is the same) */
	guint32 *joint_stride;	  /* by entry of table_order: its unit's place value in the joint
				     state's index */
	guint32 *joint_unit;	  /* by entry of table_order: its unit */
	guint32 *joint_states;	  /* n_rules: each slot's joint states (joint_at's entries a
				     policy), 0 where it has no joint table */
	gboolean *pillar_summed;  /* by pillar: every rule of it (one at least) looks its value up
				     (joint_at), so that the AVX2 look-ups add the values into the
				     pillar's sums themselves (uncertainty-evidence.c) */
	guint8 *pillar_uncounted; /* by pillar: the unknown policies (bit p for policy p)
				     under which a joint value of one of its rules is NaN (the
				     rule does not count); 0 where its rules count in every joint
				     state, so that its Σ w is the same in every country
				     (AccordRun.pillar_counts) */
	gdouble *joint; /* by policy, then joint state: the rule's Σw·c/Σw where it counts, NaN
			   where it does not (each policy's states together, so that the states
			   draws take most are in few cache lines) */
	/* a joint look-up's states of each tabled unit (none for the others): its states merged
	 * where two next to each other (every fact kept the last) add the same terms to every
	 * table of the unit, so that a draw compares fewer thresholds and the joint tables are
	 * smaller */
	guint32 *lookup_below;	  /* 16 by unit: the thresholds less 1 that part them, ascending
				     (0xffffffff past the last) */
	guint16 *lookup_below16;  /* the same, the low 16 bits with the sign bit flipped */
	guint32 *lookup_states;	  /* by unit: how many, every fact kept not counted */
	guint8 *lookup_first;	  /* 16 by unit: each one's first state (whose terms it takes) */
	gboolean *unit_looked_up; /* by unit: every rule it changes has a joint table */
	guint32 *added_units;	  /* the units whose changes a draw adds (tabled or able to
				     change, and not looked up), in order */
	guint n_added;
	guint32 *tabled_units; /* the tabled units, in order */
	guint n_tabled;
	gboolean some_by_run;  /* some unit that can change has no tables */
	guint32 *unit_tallies; /* [unit][2][ACCORD_TABLE_STATES]: how many facts each state flips,
				  then how many it drops (0 past its last) */
	gdouble *kept_sums;    /* [(3 policy + k) n_rules + slot]: with every fact kept, Σ w·c (k
				  0), Σ w (1) and how many count (2), for each policy */
	gdouble *slot_values;  /* [policy × 2 n_rules]: each slot's Σw·c/Σw with every fact
				  kept (0 when nothing counts), then 1 if it counts, else 0 */
} AccordCountryModel;

/* how many terms a sum of change table @t has (AccordCountryModel.table_at): 8 where its unit
 * has fewer than 8 states (with every fact kept), which one AVX-512 register holds, else
 * ACCORD_TABLE_STATES */
static inline guint
accord_table_width(const AccordCountryModel *country, guint t)
{
	return (country->table_at[t + 1] - country->table_at[t]) / 3;
}

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
	guint *rule_start; /* n_rules + 1: each rule's criteria in AccordCountryModel.criteria */
	guint *slot_rule;  /* the rules in pillar order, each pillar's in rule order */
	guint *rule_slot;
	guint *pillar_slots;  /* n_pillars + 1: each pillar's first slot */
	gdouble *rule_weight; /* effective (W·m), as scored */
	gdouble *pillar_weight;
	guint n_groups;
	AccordWeightGroup *groups;
	guint n_policies;
	AccordUnknownPolicy policies[3];
	gboolean taken[3]; /* by unknown policy: whether a run may take it (the nominal one, and
			      those drawn from) */
	guint8 place[3];   /* and its place among those taken (AccordCountryModel.joint) */
	guint n_taken;
	guint max_facts;
	guint max_units;
	AccordCountryModel *countries;
	guint *nominal_positions;
	gdouble *nominal_centered; /* average ranks less their mean, (n + 1)/2: Spearman's rho */
	gdouble nominal_squares; /* Σ (nominal rank − mean)², and Σ (i − mean)² for i = 1 … n: the
				    sum of a ranking with no ties */
	gdouble untied_squares;
	gdouble *columns; /* [(2 policy + k) n_rules + slot] × n_countries: every country's
			     slot_values, a slot's in a row (k 0: values, 1: counts), so that a run
			     aggregates all countries with one pass down each row */
} AccordModel;

/* the facts drawn one by one take their numbers after the units', from a multiple of
 * ACCORD_LANES; the runs a country's evidence is drawn for before they are scored together
 * (uncertainty-evidence.c), a multiple of the sixteen runs whose generators step together */
#define ACCORD_LANES 4
#define ACCORD_CHUNK 64

/* the runs of a block of eight positions that take each unknown policy (a bit by position),
 * and the policy all eight take where they share one (else 3) */
typedef struct {
	guint8 runs[3];
	guint8 all;
} AccordBlockPolicies;

/* the positions of a batch's runs that share an aggregation and an unknown policy */
typedef struct {
	guint start;
	guint end;
	AccordUnknownPolicy unknown;
	gboolean geometric;
} AccordRunPiece;

/* a batch of model runs: what each drew, the scores it gave, and the working space. With the
 * evidence drawn, a batch is scored country by country, a chunk of runs at a time, so that a
 * country's tables stay in the cache while all the runs use them; the runs are placed in
 * positions, ordered by their aggregation and unknown policy (uncertainty-evidence.c) */
typedef struct {
	const AccordModel *model;
	guint capacity;
	guint stride; /* the capacity, rounded up to a block of eight (and a cache line more where
			 rows would be a multiple of 4 KB apart) */
	guint n;      /* runs in the batch */
	gsl_rng *rng[ACCORD_N_UNCERTAIN_INPUTS]; /* reseeded for each run */
	guint64 *evidence;			 /* by run: its evidence seed */
	AccordAggregation *aggregation;		 /* by run */
	AccordUnknownPolicy *unknown;
	gboolean count_changes; /* whether to count each run's flips and drops (TRUE, as made):
				   only the per-draw CSV shows them. Where FALSE, flipped and
				   dropped may hold some of the counts and not others */
	guint *flipped;
	guint *dropped;
	gdouble *pillar_weights; /* run × n_pillars */
	gdouble *rule_weights;	 /* run × n_rules */
	gdouble *slot_weights;	 /* run × n_rules: the rule weights in slot order */
	gdouble *scores;	 /* run × n_countries; NAN where nothing counted */
	/* with the evidence drawn, whether the scores go to their rows (TRUE, as made); where
	 * FALSE they stay in by_country, each country's handed to @scored as it is worked
	 * out, and a position is ranked with accord_run_rank_position() */
	gboolean keep_rows;
	gboolean in_rows; /* accord_run_draw(): whether the batch's scores are in rows */
	void (*scored)(gpointer data, guint country, const gdouble *scores, guint n);
	gpointer scored_data;
	gdouble *column;    /* 8 × n_countries: a block of eight positions' scores, a position's
			       a column, as accord_run_rank_position() ranks them */
	guint column_block; /* which block they are (with AVX2, whose keys are sorted below,
			       the columns left unfilled), plus 1; 0 for none since the last
			       draw */
	/* with AVX2 (rank_narrow()), the block's eight positions' keys sorted together (8 ×
	 * the countries rounded up to 8: a position's a row), bit k of block_odd where position
	 * k has a score that is not finite */
	guint32 *block_keys;
	guint block_odd;
	/* and for each of the eight positions (at most 256 countries, the network's), a bit a
	 * place: block_step where its key is on the step of the next place's, block_close
	 * where a step or less above it */
	guint64 block_step[8][4];
	guint64 block_close[8][4];
	guint *order;	       /* accord_run_rank(): the countries best first */
	guint *buckets;	       /* its counting sort */
	guint *positions;      /* its competition ranks, by country */
	gdouble *ranks;	       /* its average ranks, by country */
	gboolean untied;       /* whether it found no ties (the sorting network; FALSE where the
				  comparison sort ranked) */
	gdouble *theta;	       /* a Dirichlet draw */
	gdouble *country_sums; /* 7 × n_countries: working space of aggregate() */
	/* with the evidence drawn, by position: */
	guint *run_at;		     /* the run at each position */
	guint32 *place_at;	     /* by position, whole chunks: the place of its run's unknown
					policy among those taken (AccordModel.place; 0 past the last
					run) */
	AccordBlockPolicies *blocks; /* by block of eight positions, whole chunks */
	guint *chunk_policies;	     /* by chunk: the unknown policies its runs take (bit p for
					policy p) */
	gdouble *by_country; /* n_countries × stride: each country's scores by position, as the
				evidence is scored (country by country), before they go to scores */
	guint n_pieces;
	AccordRunPiece pieces[6];
	guint32 *rng_state;   /* 4 rows of the capacity rounded up to ACCORD_CHUNK: each
				 position's xoshiro128** generator, its word w in row w, so that
				 sixteen positions' same word is one load (uncertainty-evidence.c,
				 draw_numbers()) */
	gdouble *by_slot;     /* n_rules × stride: the rule weights in slot order */
	gdouble *by_pillar;   /* n_pillars × stride, and room for 3 more (score_piece()) */
	gdouble *columns;     /* 3 n_rules × ACCORD_CHUNK: by slot, rows of the deltas' Σ
				 numerator, Σ denominator and Σ count of the chunk's runs */
	gdouble *values;      /* n_rules × ACCORD_CHUNK: by slot, the values of the chunk's runs
				 looked up in a joint table (AccordCountryModel.joint) */
	gdouble *chunk_sums;  /* 4 × ACCORD_CHUNK and room for 3 more: working space of
				 score_piece() (its scores' sums) */
	guint widest;	      /* the paths the batch takes: 4 AVX-512's, 2 AVX2's, 1 the others
				 (as accord_evidence_widest_group() allows, or fewer, to test them
				 all; uncertainty-evidence.c, uncertainty-rank.c) */
	guint32 *numbers;     /* the chunk's: the 16 bits each unit, then each fact drawn one by
				 one, drew in each run (uncertainty-evidence.c, number_index()) */
	guint64 *states;      /* by unit, ACCORD_CHUNK each: the state each position's run takes
				 (a tabled unit's, uncertainty-evidence.c) */
	guint16 *joint_index; /* n_rules × ACCORD_CHUNK: by slot, the chunk's runs' indices in the
				 rule's joint table, where the processor has AVX2 and not AVX-512,
				 in the order of a pack of two AVX2 registers
				 (uncertainty-evidence.c, joint_indices_eight()) */
	/* by unit, ACCORD_CHUNK each: a tabled unit's look-up state in each of the chunk's runs,
	 * negated (uncertainty-evidence.c, lookup_states_eight()), in
	 * 16-bit lanes in the order of a pack of two AVX2 registers (uncertainty-evidence.c,
	 * packed_numbers()) */
	guint16 *lookup_state;
	gdouble *pillar_sums;	 /* 2 n_pillars × ACCORD_CHUNK and room for 3 more: by pillar, the
				    chunk's runs' Σ w·value and Σ w over its rules, likewise (by
				    sum_rules_tables_eight() where its rules all look their values
				    up, else by score_piece()) */
	gdouble *pillar_counts;	 /* n_pillars × stride and room for 3 more: each position's
				    Σ w over a pillar's rules, added in slot order: the pillar's
				    count wherever all its rules count (place_weights()) */
	gboolean *counts_shared; /* by pillar: whether sum_rules_tables_eight() left the
				    chunk's pillar count to pillar_counts (its rules count in
				    every joint state under the chunk's policies) */
	guint32 *unit_state;	 /* by unit: Σ state × stride of the facts drawn one by one */
	guint *touched;		 /* the units those changed */
} AccordRun;

/* one pillar's rows for its pass into a piece's scores (accord_add_pillars(),
 * accord_add_pillars_logs()), each of the piece's length */
typedef struct {
	const gdouble *w;     /* the pillar's weight in each score */
	const gdouble *sum;   /* its Σ w·value over its rules */
	const gdouble *count; /* its Σ w over the rules that count */
} AccordPillarRows;

/* fdlibm's e_log.c: Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
 * Developed at SunSoft, a Sun Microsystems, Inc. business. Permission to use, copy, modify,
 * and distribute this software is freely granted, provided that this notice is preserved.
 * Its split of ln 2 and its polynomial for log(1 + f): for log_positive() (uncertainty-run.c)
 * and its eight-at-once copy (uncertainty-evidence.c) */
#define LN2_HI 6.93147180369123816490e-01
#define LN2_LO 1.90821492927058770002e-10
#define LG1    6.666666666666735130e-01
#define LG2    3.999999999940941908e-01
#define LG3    2.857142874366239149e-01
#define LG4    2.222219843214978396e-01
#define LG5    1.818357216161805012e-01
#define LG6    1.531383769920937332e-01
#define LG7    1.479819860511658591e-01

/* fdlibm's e_exp.c (the same notice): 1/ln 2 and its polynomial for exp(r), for exp_regular()
 * (uncertainty-run.c) and its eight-at-once copy (uncertainty-evidence.c), with the split of
 * ln 2 above */
#define INVLN2 1.44269504088896338700e+00
#define EXP_P1 1.66666666666666019037e-01
#define EXP_P2 -2.77777777770155933842e-03
#define EXP_P3 6.61375632143793436117e-05
#define EXP_P4 -1.65339022054652515390e-06
#define EXP_P5 4.13813679705723846039e-08
/* the arguments exp_regular() takes: above them exp overflows or needs more than an exponent
 * added (fdlibm's k < −1021 scales by 2^−1000), so libm's exp() takes them */
#define EXP_REGULAR_LOW	 (-708.0)
#define EXP_REGULAR_HIGH 709.0

/* uncertainty-model.c */
void
accord_parallel_for(guint n, guint threads, void (*work)(gpointer data, guint i), gpointer data);
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

/* uncertainty-units.c */
void
accord_model_build_units(AccordModel *m, AccordCountryModel *country);

/* a rule's value from its sums: Σw·c/Σw, and 1 as it counts; 0 and 0 when nothing counts (or
 * the sums give no number), so a pillar sums every rule without asking which count */
static inline void
accord_rule_value(const AccordRuleSum *sum, gdouble *value, gdouble *counts)
{
	gdouble x = sum->counted > 0 ? sum->numerator / sum->denominator : NAN;

	*counts = isnan(x) ? 0.0 : 1.0;
	*value = isnan(x) ? 0.0 : x;
}

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

/* uncertainty-rank.c */
/* ranking first places the countries in buckets by score (a counting sort), then sorts within
 * them: linear time whatever the last ranking was. The buckets only speed the sort (its
 * order is the comparison's), so they are few: clearing and summing them is per run. They
 * span the run's scores, two or three for each of 200 countries: fewer countries share one,
 * so fewer move in the sort, each a mispredicted branch (cachegrind, bench-uncertainty with
 * the evidence fixed: 1.21 mispredictions a country-draw with 256 buckets over 0 to 100,
 * 0.73 now) */
#define ACCORD_RANK_BUCKETS 512

void
accord_run_rank(AccordRun *self, guint run, gboolean average);
void
accord_run_rank_position(AccordRun *self, guint pos, gboolean average);
gboolean
accord_run_rank_network(AccordRun *self, const gdouble *scores, gboolean average);
gdouble
accord_run_spearman(const AccordRun *self);
void
accord_model_rank_nominal(AccordModel *self);
gboolean
accord_add_logs_eight(const gdouble *values, const gdouble *w, gdouble *log_sum);
void
accord_add_pillars_logs(guint n,
			guint n_pillars,
			const AccordPillarRows *pillars,
			gdouble *restrict denominator,
			gdouble *restrict zeros,
			gdouble *restrict log_sum);
void
accord_arithmetic_scores(guint n,
			 const gdouble *restrict numerator,
			 const gdouble *restrict denominator,
			 gdouble *restrict scores);
void
accord_geometric_scores(guint n,
			const gdouble *restrict log_sum,
			const gdouble *restrict denominator,
			const gdouble *restrict zeros,
			gdouble *restrict scores);
gboolean
accord_geometric_scores_eight(const gdouble *log_sum,
			      const gdouble *denominator,
			      const gdouble *zeros,
			      gdouble *scores);
void
accord_add_pillars(guint n,
		   guint n_pillars,
		   const AccordPillarRows *pillars,
		   gdouble *restrict numerator,
		   gdouble *restrict denominator);

/* uncertainty-evidence.c */
void
accord_xoshiro_seed(guint32 state[4], guint64 seed);
guint32
accord_xoshiro_next(guint32 state[4]);
guint
accord_evidence_widest_group(void);
guint32
accord_run_number(const AccordRun *self, guint pos, guint k);
void
accord_run_score_evidence(AccordRun *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(AccordModel, accord_model_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC(AccordRun, accord_run_free)

G_END_DECLS
