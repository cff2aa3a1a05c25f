#include "config.h"

#include <math.h>
#include <string.h>
/* SSE2 is in the x86-64 baseline; elsewhere, or built with -DACCORD_NO_SIMD (which the
 * portable loops are checked with), plain loops give the same results */
#if defined(__SSE2__) && !defined(ACCORD_NO_SIMD)
#define USE_SSE2 1
#include <emmintrin.h>
#endif
/* on x86-64, where the processor has AVX2 or AVX-512, the generators of two or four runs step
 * together in one register (functions built for those instruction sets, picked at run time) */
#if defined(USE_SSE2) && defined(__x86_64__) && defined(__GNUC__)
#define USE_WIDE 1
#include <immintrin.h>
#endif

#include "uncertainty-private.h"

/* The runs of a batch with the evidence drawn (docs/scoring.md, "Speed by design"). A batch
 * is scored country by country, so that a country's tables stay in the cache, and within a
 * country a chunk of runs at a time, the runs side by side:
 *   - each run's evidence stream is four xoshiro128** generators of its own, which step
 *     together in the lanes of one SSE2 register, one 32-bit number a unit; with AVX2 or
 *     AVX-512, two or four runs' generators step together, so the chunk's numbers are all
 *     drawn first (draw_numbers()), then the changes added (add_changes());
 *   - unit by unit, in each run where the unit changes, the state it takes adds its rule
 *     deltas to the run's column of each rule's sums (AccordRun.columns: a rule's sums for
 *     the chunk's runs in a row), so that a unit's thresholds and states are read once for
 *     the chunk's runs;
 *   - rules into pillars and pillars into scores, one pass down each row for all the runs of
 *     the chunk, which the compiler vectorises. The runs are ordered by their aggregation and
 *     unknown policy beforehand (AccordRun.run_at), so that a pass takes runs that share both
 *     and the rules' sums with every fact kept are one number a row.
 * Each run's figures are worked out with the same operations in the same order whatever runs
 * it shares a chunk with, so they depend on its seeds alone */

/* ---- the evidence streams ---- */

static inline guint32
rotl32(guint32 x, guint k)
{
	return (x << k) | (x >> (32 - k));
}

/**
 * accord_xoshiro_seed:
 * @state: (out caller-allocates) (array fixed-size=4): the state of a run's generator
 * @seed: a run's evidence seed (accord_run_seed())
 *
 * Seeds the xoshiro128** generator of a run's evidence stream from two outputs of SplitMix64
 * started at @seed, as the generator's authors advise: the first output's low and high
 * words, then the second's. A state of all zeros (which the generator cannot leave) is
 * given 1.
 */
void
accord_xoshiro_seed(guint32 state[4], guint64 seed)
{
	guint64 stream = seed;
	guint64 a = accord_splitmix_next(&stream), b = accord_splitmix_next(&stream);

	state[0] = (guint32)a;
	state[1] = (guint32)(a >> 32);
	state[2] = (guint32)b;
	state[3] = (guint32)(b >> 32);
	if ((state[0] | state[1] | state[2] | state[3]) == 0)
		state[0] = 1;
}

/**
 * accord_xoshiro_next:
 * @state: (array fixed-size=4): one generator's state, its four words
 *
 * xoshiro128** 1.1 (Blackman and Vigna 2018): 32-bit outputs from 128 bits of state, with
 * shifts, rotations, exclusive ors and multiplications by 5 and 9 alone, so that the
 * generators of many runs step together in the lanes of a register (draw_numbers() computes
 * exactly this in each lane).
 *
 * Returns: the next 32 bits
 */
guint32
accord_xoshiro_next(guint32 state[4])
{
	guint32 result = rotl32(state[1] * 5, 7) * 9, t = state[1] << 9;

	state[2] ^= state[0];
	state[3] ^= state[1];
	state[1] ^= state[2];
	state[0] ^= state[3];
	state[2] ^= t;
	state[3] = rotl32(state[3], 11);
	return result;
}

/* ---- a chunk's numbers ---- */

/* where the number of the chunk's position @i for unit (or fact drawn one by one) @k is: a
 * unit's numbers for the chunk's positions in a row, so that its changes are worked out for
 * many runs at once (add_changes_tabled()) */
static inline gsize
number_index(guint i, guint k)
{
	return (gsize)k * ACCORD_CHUNK + i;
}

/* the facts drawn one by one take their numbers after the units' */
static inline guint
first_exact(const AccordCountryModel *country)
{
	return (guint)accord_round_up(country->n_units, ACCORD_LANES);
}

/* how many numbers a run draws for a country: the units', the places up to first_exact() and
 * the facts drawn one by one, as a whole number of steps of its generator (two numbers each) */
static inline guint
number_count(const AccordCountryModel *country)
{
	return (guint)accord_round_up(first_exact(country) + country->n_exact, 2);
}

/* the length of a row of AccordRun.rng_state: a word of every position of every chunk */
static inline gsize
stream_row(const AccordRun *self)
{
	return accord_round_up(self->capacity, ACCORD_CHUNK);
}

/* eight positions' same word of their generators, in GCC's vector extensions, which each copy
 * of draw_numbers() computes in the registers its processor has (an AVX2 register, two SSE2
 * ones; plain integers elsewhere): each lane exactly as accord_xoshiro_next() steps one
 * generator. Macros, not functions: a function taking or returning Words would have an ABI of
 * its own where AVX is off */
typedef guint32 Words __attribute__((vector_size(32)));
#define WORDS_LANES	 8
#define ROTL_WORDS(x, k) (((x) << (k)) | ((x) >> (32 - (k))))
/* one step of the generators whose words are @s0 to @s3, their outputs in @x: × 5 and × 9 as
 * shifts and additions, which every processor does in one step (a 32-bit multiplication of
 * lanes takes several on some) */
#define WORDS_STEP(s0, s1, s2, s3, x)                                                              \
	do {                                                                                       \
		Words times5_ = ((s1) << 2) + (s1), rotated_ = ROTL_WORDS(times5_, 7);             \
		Words t_ = (s1) << 9;                                                              \
                                                                                                   \
		(x) = (rotated_ << 3) + rotated_;                                                  \
		(s2) ^= (s0);                                                                      \
		(s3) ^= (s1);                                                                      \
		(s1) ^= (s2);                                                                      \
		(s0) ^= (s3);                                                                      \
		(s2) ^= t_;                                                                        \
		(s3) = ROTL_WORDS((s3), 11);                                                       \
	} while (0)

/* the words of eight positions' generators from @state (AccordRun.rng_state, at the first
 * position; rows @row apart) into @s0 to @s3, or back: each word one load or store */
#define WORDS_LOAD(s0, s1, s2, s3, state, row)                                                     \
	do {                                                                                       \
		memcpy(&(s0), (state), sizeof(Words));                                             \
		memcpy(&(s1), (state) + (row), sizeof(Words));                                     \
		memcpy(&(s2), (state) + 2 * (row), sizeof(Words));                                 \
		memcpy(&(s3), (state) + 3 * (row), sizeof(Words));                                 \
	} while (0)
#define WORDS_STORE(s0, s1, s2, s3, state, row)                                                    \
	do {                                                                                       \
		memcpy((state), &(s0), sizeof(Words));                                             \
		memcpy((state) + (row), &(s1), sizeof(Words));                                     \
		memcpy((state) + 2 * (row), &(s2), sizeof(Words));                                 \
		memcpy((state) + 3 * (row), &(s3), sizeof(Words));                                 \
	} while (0)

/* an output's two numbers, the low 16 bits then the high 16, stored in two units' rows from
 * @out (the first's) */
#define WORDS_PUT(x, out)                                                                          \
	do {                                                                                       \
		Words low_ = 0xffff & (x), high_ = (x) >> 16;                                      \
                                                                                                   \
		memcpy((out), &low_, sizeof(Words));                                               \
		memcpy((out) + ACCORD_CHUNK, &high_, sizeof(Words));                               \
	} while (0)

/* the numbers of the runs at positions @chunk to @end (one chunk) for one country: each run's
 * generator steps once for every two of its numbers (number_count()), unit by unit and then fact
 * by fact, the low 16 bits of an output the first, the high 16 bits the second. Sixteen
 * positions at a time, two groups of eight in lanes, their steps interleaved, and their numbers
 * stored straight into the units' rows (number_index()); positions past @end up to a multiple
 * of sixteen step too (they hold no run, and nothing reads their numbers) */
static void G_GNUC_NO_INLINE ACCORD_VECTOR_CLONES
draw_numbers(AccordRun *self, const AccordCountryModel *country, guint chunk, guint end)
{
	gsize row = stream_row(self);
	guint n = number_count(country);

	for (guint pos = chunk; pos < end; pos += 2 * WORDS_LANES) {
		guint32 *state = self->rng_state + pos;
		guint32 *out = self->numbers + number_index(pos % ACCORD_CHUNK, 0);
		Words a0, a1, a2, a3, b0, b1, b2, b3, x, y;

		WORDS_LOAD(a0, a1, a2, a3, state, row);
		WORDS_LOAD(b0, b1, b2, b3, state + WORDS_LANES, row);
#pragma GCC unroll 2
		for (guint k = 0; k < n; k += 2, out += 2 * ACCORD_CHUNK) {
			WORDS_STEP(a0, a1, a2, a3, x);
			WORDS_STEP(b0, b1, b2, b3, y);
			WORDS_PUT(x, out);
			WORDS_PUT(y, out + WORDS_LANES);
		}
		WORDS_STORE(a0, a1, a2, a3, state, row);
		WORDS_STORE(b0, b1, b2, b3, state + WORDS_LANES, row);
	}
}

/**
 * accord_evidence_widest_group:
 *
 * Which of the evidence's paths this processor takes: 4 with AVX-512, 2 with AVX2, else 1.
 * With 2 or 4, the changes are added from tables (add_changes_tabled()), the draws ranked by
 * a sorting network (uncertainty-rank.c); every path gives the same figures.
 *
 * Returns: 1, 2 or 4
 */
guint
accord_evidence_widest_group(void)
{
#ifdef USE_WIDE
	if (__builtin_cpu_supports("avx512f"))
		return 4;
	if (__builtin_cpu_supports("avx2"))
		return 2;
#endif
	return 1;
}

/**
 * accord_run_number:
 * @self: a batch whose last chunk of some country has drawn its numbers
 * @pos: a position of that chunk
 * @k: a unit of the country, or for its fact @j drawn one by one, its number of units
 *   rounded up to a multiple of 4 (at least 4: accord_round_up()), plus @j
 *
 * Returns: the 16 bits the run at @pos drew for @k
 */
guint32
accord_run_number(const AccordRun *self, guint pos, guint k)
{
	return self->numbers[number_index(pos % ACCORD_CHUNK, k)];
}

/* ---- the deltas ---- */

/* a unit's first eight thresholds (each less 1, ascending; 0xffffffff past its last), held
 * for the runs in which it changes: in two SSE2 registers, their sign bits flipped so that a
 * signed comparison compares them unsigned */
#ifdef USE_SSE2
typedef struct {
	__m128i low;
	__m128i high;
} Thresholds;

static inline Thresholds
thresholds_load(const guint32 *below)
{
	__m128i sign = _mm_set1_epi32(G_MININT32);

	return (Thresholds){_mm_xor_si128(_mm_loadu_si128((const __m128i *)below), sign),
			    _mm_xor_si128(_mm_loadu_si128((const __m128i *)(below + 4)), sign)};
}

/* how many of the thresholds @r is above: SSE2 compares all eight at once; the lanes that
 * hold form a prefix, so the count is the first that does not */
static inline guint
count_at_or_above(const Thresholds *t, guint32 r)
{
	__m128i x = _mm_xor_si128(_mm_set1_epi32((gint)r), _mm_set1_epi32(G_MININT32));
	guint mask = (guint)_mm_movemask_ps(_mm_castsi128_ps(_mm_cmpgt_epi32(x, t->low))) |
		     (guint)_mm_movemask_ps(_mm_castsi128_ps(_mm_cmpgt_epi32(x, t->high))) << 4;

	return (guint)__builtin_ctz(~mask);
}
#else
typedef struct {
	guint32 below[8];
} Thresholds;

static inline Thresholds
thresholds_load(const guint32 *below)
{
	Thresholds t;

	memcpy(t.below, below, sizeof t.below);
	return t;
}

static inline guint
count_at_or_above(const Thresholds *t, guint32 r)
{
	guint k = 0;

	for (guint i = 0; i < 8; i++)
		k += r > t->below[i];
	return k;
}
#endif

/* the state of a unit that changed: the first of its states, most likely first, whose
 * threshold @r is below. Among the first eight it is the count of thresholds at or below @r,
 * with no branch to mispredict; the rare later one is searched on */
static inline const AccordUnitState *
pick_unit_state(const AccordUnitState *state, const Thresholds *t, guint32 r)
{
	guint k = count_at_or_above(t, r);

	state += k;
	while (k == 8 && r >= state->below)
		state++;
	return state;
}

/* the first of a list of states whose threshold @r is below; @r is below the last one's */
static inline const AccordUnitState *
pick_state(const AccordUnitState *state, guint32 r)
{
	while (r >= state->below)
		state++;
	return state;
}

/* adds a delta (AccordHotDelta) to the run's sums of its rule: @sums is the run's entry in
 * the chunk's first row */
static inline void
add_delta(const AccordHotDelta *d, gdouble *restrict sums)
{
	gdouble *row = sums + d->row;

	row[0] += d->add[0];
	row[ACCORD_CHUNK] += d->add[1];
	row[2 * ACCORD_CHUNK] += d->add[2];
}

/* adds the deltas from @d to @end; a state has at least one delta (the zero delta when it
 * changes no rule) */
static inline void
add_range(const AccordHotDelta *d, const AccordHotDelta *end, gdouble *restrict sums)
{
	do
		add_delta(d, sums);
	while (++d < end);
}

/* adds a unit state's deltas to the run's sums: the first two with no branch (the second
 * may be the zero delta, which adds +0 and so changes no sum), then any others */
static inline void
add_state_deltas(const AccordHotDelta *deltas, const AccordUnitState *s, gdouble *restrict sums)
{
	add_delta(deltas + s->deltas, sums);
	add_delta(deltas + s->second, sums);
	for (guint32 i = s->deltas + 2; i < s->end; i++)
		add_delta(deltas + i, sums);
}

/* the facts of the units that share one, drawn one by one after the units, for the run at
 * position @pos, with the numbers draw_numbers() drew for them: each adds its state to the
 * units that hold it, then each unit so changed adds its deltas to @sums (the run's entry in
 * the chunk's first row) */
static void
draw_exact(AccordRun *self, const AccordCountryModel *country, guint pos, gdouble *sums)
{
	guint run = self->run_at[pos], n_touched = 0, exact = first_exact(country);
	guint32 *unit_state = self->unit_state;
	const AccordHotDelta *deltas = country->hot[self->unknown[run]];

	for (guint i = 0; i < country->n_exact; i++) {
		const AccordExactFact *e = &country->exact[i];
		guint32 r = self->numbers[number_index(pos % ACCORD_CHUNK, exact + i)];
		guint state;

		if (r >= e->change)
			continue;
		state = 1 + (guint)(pick_state(country->unit_states + e->states, r) -
				    (country->unit_states + e->states));
		self->dropped[run] += state == 1;
		self->flipped[run] += state >= 2;
		for (guint j = 0; j < e->n_refs; j++) {
			const AccordUnitRef *ref = &country->unit_refs[e->refs + j];

			if (unit_state[ref->unit] == 0)
				self->touched[n_touched++] = ref->unit;
			unit_state[ref->unit] += state * ref->stride;
		}
	}
	for (guint k = 0; k < n_touched; k++) {
		guint unit = self->touched[k];
		const guint32 *start =
		    country->delta_start + country->unit_first[unit] + unit_state[unit];

		unit_state[unit] = 0;
		if (start[0] < start[1])
			add_range(deltas + start[0], deltas + start[1], sums);
	}
}

/* one unit's changes in the chunk's @runs (a bit by run): each picks the unit's state with
 * its number (@numbers: the unit's numbers of the chunk's runs) and adds that state's deltas to its
 * sums. @single (a constant where it is called) says every state has one delta, so the zero delta
 * need not be added */
static inline void
add_unit_changes(guint64 runs,
		 const AccordUnitState *states,
		 const Thresholds *t,
		 const guint32 *numbers,
		 const AccordHotDelta *const *deltas,
		 gboolean single,
		 gdouble *columns,
		 guint *flipped,
		 guint *dropped)
{
	for (; runs != 0; runs &= runs - 1) {
		guint i = (guint)__builtin_ctzll(runs);
		const AccordUnitState *s = pick_unit_state(states, t, numbers[i]);

		flipped[i] += s->flipped;
		dropped[i] += s->dropped;
		if (single)
			add_delta(deltas[i] + s->deltas, columns + i);
		else
			add_state_deltas(deltas[i], s, columns + i);
	}
}

/* unit @u's changes in the chunk's @runs (a bit by run), run by run (add_unit_changes()) */
static void
unit_changes_by_run(AccordRun *self,
		    const AccordCountryModel *country,
		    guint u,
		    guint64 runs,
		    const AccordHotDelta *const *deltas,
		    guint *flipped,
		    guint *dropped)
{
	const AccordUnitState *states = country->unit_states + country->units[u].states;
	const guint32 *numbers = self->numbers + number_index(0, u);
	Thresholds t = thresholds_load(country->unit_below + ACCORD_TABLE_STATES * (gsize)u);

	if (country->units[u].single)
		add_unit_changes(runs,
				 states,
				 &t,
				 numbers,
				 deltas,
				 TRUE,
				 self->columns,
				 flipped,
				 dropped);
	else
		add_unit_changes(runs,
				 states,
				 &t,
				 numbers,
				 deltas,
				 FALSE,
				 self->columns,
				 flipped,
				 dropped);
}

/* the chunk's runs' deltas, by the unknown policy of each */
static void
run_deltas(const AccordRun *self,
	   const AccordCountryModel *country,
	   guint chunk,
	   guint n,
	   const AccordHotDelta **deltas)
{
	for (guint i = 0; i < n; i++)
		deltas[i] = country->hot[self->unknown[self->run_at[chunk + i]]];
}

/* the units' flips and drops of the chunk's @n runs added to each run's, then each run's facts
 * drawn one by one */
static void
finish_changes(AccordRun *self,
	       const AccordCountryModel *country,
	       guint chunk,
	       guint n,
	       const guint *flipped,
	       const guint *dropped)
{
	for (guint i = 0; (self->count_changes || country->n_exact > 0) && i < n; i++) {
		guint run = self->run_at[chunk + i];

		self->flipped[run] += flipped[i];
		self->dropped[run] += dropped[i];
		if (country->n_exact > 0)
			draw_exact(self, country, chunk + i, self->columns + i);
	}
}

/* a bit for each of the chunk's first @n runs in which unit @u changes: its number at most its
 * threshold less 1 */
static guint64
runs_changing_plain(const AccordRun *self, const AccordCountryModel *country, guint u, guint n)
{
	const guint32 *numbers = self->numbers + number_index(0, u);
	guint32 at_most = country->unit_at_most[u];
	guint64 runs = 0;

	for (guint i = 0; i < n; i++)
		runs |= (guint64)(numbers[i] <= at_most) << i;
	return runs;
}

/* the evidence of the chunk's runs at positions @chunk to @end for one country, their numbers
 * drawn: unit by unit, each run in which the unit changes picks the unit's state with its
 * number and adds that state's deltas to its sums; then each run's facts drawn one by one.
 * Each run's sums take the deltas of its units in ascending order, as one run at a time
 * would, so the sums are the same; going unit by unit keeps a unit's thresholds and states
 * at hand for all the chunk's runs */
static void
add_changes(AccordRun *self, const AccordCountryModel *country, guint chunk, guint end)
{
	const AccordHotDelta *deltas[ACCORD_CHUNK];
	guint flipped[ACCORD_CHUNK] = {0}, dropped[ACCORD_CHUNK] = {0}, n = end - chunk;

	run_deltas(self, country, chunk, n, deltas);
	for (guint u = 0; u < country->n_units; u++) {
		guint64 runs;

		if ((country->unit_active[u / 64] >> u % 64 & 1) == 0)
			continue;
		runs = runs_changing_plain(self, country, u, n);
		if (runs != 0)
			unit_changes_by_run(self, country, u, runs, deltas, flipped, dropped);
	}
	finish_changes(self, country, chunk, n, flipped, dropped);
}

#ifdef USE_WIDE

/* a tabled unit's state in each of the chunk's runs: the count of its thresholds (less 1)
 * below the run's number, as pick_unit_state() counts them; @n_states past every fact kept,
 * whose tables add 0. Stored as 64-bit indices, what a permutation of doubles takes (so it is
 * widened once, not for each table), and each state's flips and drops (@tallies: the flips of
 * each state, then the drops) added to each run's, unless @flipped is NULL. Every position of the
 * chunk, whether it holds a run or not (those past the last run count on numbers left from before;
 * nothing takes their states or tallies) */
static inline void __attribute__((target("avx512f"))) chunk_states(const guint32 *numbers,
								   const guint32 *below,
								   guint n_states,
								   const guint32 *tallies,
								   guint64 *states,
								   guint *flipped,
								   guint *dropped)
{
	__m512i r[4], k[4], one = _mm512_set1_epi32(1);
	__m512i flips = _mm512_loadu_si512(tallies);
	__m512i drops = _mm512_loadu_si512(tallies + ACCORD_TABLE_STATES);

	for (guint q = 0; q < 4; q++) {
		r[q] = _mm512_loadu_si512(numbers + 16 * q);
		k[q] = _mm512_setzero_si512();
	}
	for (guint j = 0; j < n_states; j++) {
		__m512i t = _mm512_set1_epi32((gint)below[j]);

		for (guint q = 0; q < 4; q++)
			k[q] = _mm512_mask_add_epi32(k[q],
						     _mm512_cmpgt_epu32_mask(r[q], t),
						     k[q],
						     one);
	}
	for (guint q = 0; q < 4; q++) {
		guint *f = flipped + 16 * q, *d = dropped + 16 * q;

		_mm512_storeu_si512(states + 16 * q,
				    _mm512_cvtepu32_epi64(_mm512_castsi512_si256(k[q])));
		_mm512_storeu_si512(states + 16 * q + 8,
				    _mm512_cvtepu32_epi64(_mm512_extracti64x4_epi64(k[q], 1)));
		if (flipped == NULL)
			continue;
		_mm512_storeu_si512(
		    f,
		    _mm512_add_epi32(_mm512_loadu_si512(f), _mm512_permutexvar_epi32(k[q], flips)));
		_mm512_storeu_si512(
		    d,
		    _mm512_add_epi32(_mm512_loadu_si512(d), _mm512_permutexvar_epi32(k[q], drops)));
	}
}

/* the states of a block's eight runs (@states: a unit's, by position) */
static inline __m512i __attribute__((target("avx512f")))
block_states(const guint64 *states, guint b)
{
	return _mm512_loadu_si512(states + 8 * b);
}

/* a sum's terms in two registers: a table of 8 leaves the second 0, which a permutation of
 * states below 8 never reads (a masked load, which reads nothing past the table) */
static inline __m512d __attribute__((target("avx512f"))) terms_high(const gdouble *x, guint width)
{
	return _mm512_maskz_loadu_pd(width > 8 ? 0xff : 0, x + 8);
}

/* one sum's terms of a table of one policy (@x: NULL for a policy no run takes) */
typedef struct {
	__m512d low;
	__m512d high;
} SumTable;

static inline SumTable __attribute__((target("avx512f")))
sum_table_load(const gdouble *x, guint width)
{
	if (x == NULL)
		return (SumTable){_mm512_setzero_pd(), _mm512_setzero_pd()};
	return (SumTable){_mm512_loadu_pd(x), terms_high(x, width)};
}

static inline __m512d __attribute__((target("avx512f")))
sum_terms(const SumTable *t, __m512i states)
{
	return _mm512_permutex2var_pd(t->low, states, t->high);
}

/* one sum's terms for the eight runs of a block, each run's from the table of its policy */
static inline __m512d __attribute__((target("avx512f")))
block_terms(const SumTable t[3], __m512i states, const AccordBlockPolicies *block)
{
	__m512d add;

	if (block->all == 0)
		return sum_terms(&t[0], states);
	if (block->all == 1)
		return sum_terms(&t[1], states);
	if (block->all == 2)
		return sum_terms(&t[2], states);
	add = _mm512_maskz_mov_pd(block->runs[0], sum_terms(&t[0], states));
	add = _mm512_mask_mov_pd(add, block->runs[1], sum_terms(&t[1], states));
	return _mm512_mask_mov_pd(add, block->runs[2], sum_terms(&t[2], states));
}

/* one sum's terms of table @t for each policy (the tables of those no run takes read as 0) */
static inline void __attribute__((target("avx512f")))
sum_tables_load(const AccordCountryModel *country, guint t, guint sum, SumTable x[3])
{
	guint width = accord_table_width(country, t);

	for (guint p = 0; p < 3; p++)
		x[p] = sum_table_load(country->tables[p] != NULL
					  ? country->tables[p] + country->table_at[t] + sum * width
					  : NULL,
				      width);
}

/* table @t's terms for the chunk's runs, each run's from the table of its policy, added to
 * their sums (@row: the first run's numerator), a sum and a block of eight runs at a time */
static void __attribute__((target("avx512f"))) add_table(const AccordCountryModel *country,
							 guint t,
							 const guint64 *states,
							 const AccordBlockPolicies *blocks,
							 gdouble *row)
{
	for (guint sum = 0; sum < 3; sum++) {
		SumTable x[3];

		sum_tables_load(country, t, sum, x);
		for (guint b = 0; b < ACCORD_CHUNK / 8; b++) {
			gdouble *at = row + sum * ACCORD_CHUNK + 8 * b;

			_mm512_storeu_pd(
			    at,
			    _mm512_add_pd(_mm512_loadu_pd(at),
					  block_terms(x, block_states(states, b), &blocks[b])));
		}
	}
}

/* the chunk's runs in which unit @u changes: a bit by run, its number at most its threshold
 * less 1 */
static inline guint64 __attribute__((target("avx512f")))
runs_changing(const AccordRun *self, const AccordCountryModel *country, guint u, guint n)
{
	__m512i at_most = _mm512_set1_epi32((gint)country->unit_at_most[u]);
	guint64 runs = 0;

	for (guint i = 0; i < n; i += 16)
		runs |= (guint64)_mm512_cmple_epu32_mask(
			    _mm512_loadu_si512(self->numbers + number_index(i, u)),
			    at_most)
			<< i;
	return n < 64 ? runs & ((G_GUINT64_CONSTANT(1) << n) - 1) : runs;
}

/* the sums of a rule that only tabled units change, for the first @n_blocks blocks of eight
 * of the chunk's runs: its tables' terms added up in registers in unit order, as add_table()
 * would add them to the sums (which start at 0), and stored once. @first to @end: its entries
 * in table_order. Inlined where @n_blocks is a constant (a whole chunk), so that the loop over
 * the blocks unrolls and the sums stay in registers */
static inline void __attribute__((target("avx512f"), always_inline))
sum_rule_tables(AccordRun *self,
		const AccordCountryModel *country,
		guint first,
		guint end,
		const AccordBlockPolicies *blocks,
		guint n_blocks,
		gdouble *row)
{
	for (guint sum = 0; sum < 3; sum++) {
		__m512d total[ACCORD_CHUNK / 8];

		for (guint b = 0; b < n_blocks; b++)
			total[b] = _mm512_setzero_pd();
		for (guint i = first; i < end; i++) {
			guint t = country->table_order[i];
			const guint64 *states =
			    self->states + (gsize)country->table_unit[t] * ACCORD_CHUNK;
			SumTable x[3];

			sum_tables_load(country, t, sum, x);
#pragma GCC unroll 8
			for (guint b = 0; b < n_blocks; b++)
				total[b] = _mm512_add_pd(
				    total[b],
				    block_terms(x, block_states(states, b), &blocks[b]));
		}
		for (guint b = 0; b < n_blocks; b++)
			_mm512_storeu_pd(row + sum * ACCORD_CHUNK + 8 * b, total[b]);
	}
}

/* the value of a rule with a joint table (AccordCountryModel.joint) for the first @n_blocks
 * blocks of eight of the chunk's runs: the index of each run's policy and joint state (its
 * place among the policies, @places, times the rule's joint states, plus each of the rule's
 * units' state times its place value), then one gather of eight values a block (those of positions
 * without a run are 0). A unit's look-up state is counted from its numbers as chunk_states()
 * counts its state, sixteen runs to a register, its place value added for each of its look-up
 * thresholds (lookup_below: those between states that add different terms) below the run's
 * number. Inlined where @n_blocks is a constant, as sum_rule_tables() is */
static inline void __attribute__((target("avx512f"), always_inline))
joint_rule_values(const AccordRun *self,
		  const AccordCountryModel *country,
		  guint slot,
		  const guint32 *places,
		  const __mmask8 *held,
		  guint n_blocks,
		  gdouble *values)
{
	const gdouble *joint = country->joint + country->joint_at[slot];
	guint n_quads = (n_blocks + 1) / 2;
	__m512i at[ACCORD_CHUNK / 16];
	__m512i states = _mm512_set1_epi32((gint)country->joint_states[slot]);

	for (guint q = 0; q < n_quads; q++)
		at[q] = _mm512_mullo_epi32(_mm512_loadu_si512(places + 16 * q), states);
	for (guint i = country->slot_tables[slot]; i < country->slot_tables[slot + 1]; i++) {
		guint u = country->joint_unit[i];
		const guint32 *numbers = self->numbers + number_index(0, u);
		const guint32 *below = country->lookup_below + ACCORD_TABLE_STATES * (gsize)u;
		__m512i stride = _mm512_set1_epi32((gint)country->joint_stride[i]),
			r[ACCORD_CHUNK / 16];

		for (guint q = 0; q < n_quads; q++)
			r[q] = _mm512_loadu_si512(numbers + 16 * q);
		for (guint j = 0; j < country->lookup_states[u]; j++) {
			__m512i t = _mm512_set1_epi32((gint)below[j]);

#pragma GCC unroll 4
			for (guint q = 0; q < n_quads; q++)
				at[q] = _mm512_mask_add_epi32(at[q],
							      _mm512_cmpgt_epu32_mask(r[q], t),
							      at[q],
							      stride);
		}
	}
	for (guint b = 0; b < n_blocks; b++) {
		__m256i index = b % 2 == 0 ? _mm512_castsi512_si256(at[b / 2])
					   : _mm512_extracti64x4_epi64(at[b / 2], 1);

		/* a whole chunk's blocks hold eight runs each: no mask to load */
		_mm512_storeu_pd(
		    values + 8 * b,
		    n_blocks == ACCORD_CHUNK / 8
			? _mm512_i32gather_pd(index, joint, 8)
			: _mm512_mask_i32gather_pd(_mm512_setzero_pd(), held[b], index, joint, 8));
	}
}

/* for every rule that only tabled units change, for the blocks that hold the chunk's @n runs
 * (a sensitivity design's batches are often less than a chunk): its value looked up where it
 * has a joint table (joint_rule_values(), into AccordRun.values), else its sums
 * (sum_rule_tables()) */
static void __attribute__((target("avx512f"))) sum_rules_tables(AccordRun *self,
								const AccordCountryModel *country,
								const AccordBlockPolicies *blocks,
								guint chunk,
								guint n)
{
	guint n_blocks = (n + 7) / 8;
	const guint32 *places = self->place_at + chunk;
	__mmask8 held[ACCORD_CHUNK / 8];

	for (guint b = 0; b < ACCORD_CHUNK / 8; b++)
		held[b] = blocks[b].runs[0] | blocks[b].runs[1] | blocks[b].runs[2];
	for (guint slot = 0; slot < self->model->n_rules; slot++) {
		guint first = country->slot_tables[slot], end = country->slot_tables[slot + 1];
		gdouble *row = self->columns + 3 * ACCORD_CHUNK * (gsize)slot;
		gdouble *values = self->values + ACCORD_CHUNK * (gsize)slot;

		if (first == end)
			continue;
		if (country->joint_at[slot] < country->joint_at[slot + 1]) {
			if (n_blocks == ACCORD_CHUNK / 8)
				joint_rule_values(self,
						  country,
						  slot,
						  places,
						  held,
						  ACCORD_CHUNK / 8,
						  values);
			else
				joint_rule_values(self,
						  country,
						  slot,
						  places,
						  held,
						  n_blocks,
						  values);
		} else if (n_blocks == ACCORD_CHUNK / 8)
			sum_rule_tables(self, country, first, end, blocks, ACCORD_CHUNK / 8, row);
		else
			sum_rule_tables(self, country, first, end, blocks, n_blocks, row);
	}
}

/* ---- the tables' path with AVX2 ----
 *
 * add_changes_tabled()'s helpers for processors with AVX2 and not AVX-512: the same sums, flips,
 * drops and looked-up values from the same tables, eight runs' 32-bit numbers and states to a
 * register and four runs' doubles. AVX2 has no unsigned comparison (the numbers and thresholds have
 * their sign bits flipped, so that a signed one orders them as unsigned), no masks (a comparison's
 * lanes of all ones, added or and-ed) and no permutation of sixteen doubles (a table's terms are
 * gathered, at the runs' states). A unit's states are kept as 32-bit indices, the first
 * ACCORD_CHUNK of the unit's entries of AccordRun.states read as 32-bit words */

/* eight runs' numbers from @numbers with their sign bits flipped */
static inline __m256i __attribute__((target("avx2"))) signed_numbers(const guint32 *numbers)
{
	return _mm256_xor_si256(_mm256_loadu_si256((const __m256i *)numbers),
				_mm256_set1_epi32(G_MININT32));
}

/* a threshold less 1 for signed_numbers() to be compared with */
static inline __m256i __attribute__((target("avx2"))) signed_threshold(guint32 below)
{
	return _mm256_set1_epi32((gint)(below ^ 0x80000000u));
}

/* a tabled unit's state in each of the chunk's runs, as chunk_states() counts it, stored as
 * 32-bit indices (@states), and each state's flips and drops added to each run's unless
 * @flipped is NULL */
static void __attribute__((target("avx2"))) chunk_states_eight(const guint32 *numbers,
							       const guint32 *below,
							       guint n_states,
							       const guint32 *tallies,
							       guint32 *states,
							       guint *flipped,
							       guint *dropped)
{
	__m256i r[ACCORD_CHUNK / 8], k[ACCORD_CHUNK / 8];

	for (guint q = 0; q < ACCORD_CHUNK / 8; q++) {
		r[q] = signed_numbers(numbers + 8 * q);
		k[q] = _mm256_setzero_si256();
	}
	for (guint j = 0; j < n_states; j++) {
		__m256i t = signed_threshold(below[j]);

		/* a comparison that holds is −1 in its lane */
		for (guint q = 0; q < ACCORD_CHUNK / 8; q++)
			k[q] = _mm256_sub_epi32(k[q], _mm256_cmpgt_epi32(r[q], t));
	}
	for (guint q = 0; q < ACCORD_CHUNK / 8; q++) {
		__m256i *f = (__m256i *)(flipped + 8 * q), *d = (__m256i *)(dropped + 8 * q);

		_mm256_storeu_si256((__m256i *)(states + 8 * q), k[q]);
		if (flipped == NULL)
			continue;
		_mm256_storeu_si256(
		    f,
		    _mm256_add_epi32(_mm256_loadu_si256(f),
				     _mm256_i32gather_epi32((const gint *)tallies, k[q], 4)));
		_mm256_storeu_si256(
		    d,
		    _mm256_add_epi32(
			_mm256_loadu_si256(d),
			_mm256_i32gather_epi32((const gint *)(tallies + ACCORD_TABLE_STATES),
					       k[q],
					       4)));
	}
}

/* one sum's terms of table @t for each policy, as sum_tables_load() picks them (NULL for the
 * policies no run takes) */
static inline void
sum_tables_of(const AccordCountryModel *country, guint t, guint sum, const gdouble *x[3])
{
	guint width = accord_table_width(country, t);

	for (guint p = 0; p < 3; p++)
		x[p] = country->tables[p] != NULL
			   ? country->tables[p] + country->table_at[t] + sum * width
			   : NULL;
}

/* one sum's terms for the chunk's runs, each run's from the table of its policy (@x), added to
 * @at (the first run's sum), as add_table() adds them: blocks whose runs share a policy (most:
 * the runs are ordered by policy) gather four runs' terms at once; the others pick each run's,
 * 0 for a position without a run */
static inline void __attribute__((target("avx2")))
add_terms_eight(const gdouble *const x[3],
		const guint32 *states,
		const AccordBlockPolicies *blocks,
		gdouble *at)
{
	for (guint b = 0; b < ACCORD_CHUNK / 8; b++) {
		const AccordBlockPolicies *block = &blocks[b];

		if (block->all < 3) {
			for (guint h = 0; h < 8; h += 4) {
				gdouble *to = at + 8 * b + h;
				__m128i index =
				    _mm_loadu_si128((const __m128i *)(states + 8 * b + h));

				_mm256_storeu_pd(
				    to,
				    _mm256_add_pd(_mm256_loadu_pd(to),
						  _mm256_i32gather_pd(x[block->all], index, 8)));
			}
			continue;
		}
		for (guint i = 0; i < 8; i++) {
			guint32 s = states[8 * b + i];
			gdouble term = 0.0;

			for (guint p = 0; p < 3; p++) {
				if (block->runs[p] >> i & 1)
					term = x[p][s];
			}
			at[8 * b + i] += term;
		}
	}
}

/* table @t's terms for the chunk's runs added to their sums (@row: the first run's numerator),
 * as add_table() adds them */
static void
add_table_eight(const AccordCountryModel *country,
		guint t,
		const guint32 *states,
		const AccordBlockPolicies *blocks,
		gdouble *row)
{
	for (guint sum = 0; sum < 3; sum++) {
		const gdouble *x[3];

		sum_tables_of(country, t, sum, x);
		add_terms_eight(x, states, blocks, row + sum * ACCORD_CHUNK);
	}
}

/* runs_changing() with AVX2 */
static guint64 __attribute__((target("avx2")))
runs_changing_eight(const AccordRun *self, const AccordCountryModel *country, guint u, guint n)
{
	__m256i at_most = signed_threshold(country->unit_at_most[u]);
	guint64 runs = 0;

	for (guint i = 0; i < n; i += 8) {
		__m256i above =
		    _mm256_cmpgt_epi32(signed_numbers(self->numbers + number_index(i, u)), at_most);

		runs |= (guint64)(~(guint)_mm256_movemask_ps(_mm256_castsi256_ps(above)) & 0xff)
			<< i;
	}
	return n < 64 ? runs & ((G_GUINT64_CONSTANT(1) << n) - 1) : runs;
}

/* sum_rule_tables() with AVX2: the sums start at 0 in their rows (every score leaves them so)
 * and take the tables' terms in unit order, the same additions in the same order */
static void
sum_rule_tables_eight(AccordRun *self,
		      const AccordCountryModel *country,
		      guint first,
		      guint end,
		      const AccordBlockPolicies *blocks,
		      gdouble *row)
{
	for (guint sum = 0; sum < 3; sum++) {
		for (guint i = first; i < end; i++) {
			guint t = country->table_order[i];
			const gdouble *x[3];

			sum_tables_of(country, t, sum, x);
			add_terms_eight(
			    x,
			    (const guint32 *)(self->states +
					      (gsize)country->table_unit[t] * ACCORD_CHUNK),
			    blocks,
			    row + sum * ACCORD_CHUNK);
		}
	}
}

/* sixteen runs' numbers (@numbers: 16 bits each, in 32-bit words) in sixteen 16-bit lanes, their
 * sign bits flipped so that a signed comparison compares them unsigned. The pack interleaves
 * the two halves' lanes four by four: the look-up states and joint indices keep that order
 * (joint_indices_eight()) */
static inline __m256i __attribute__((target("avx2"))) packed_numbers(const guint32 *numbers)
{
	return _mm256_xor_si256(
	    _mm256_packus_epi32(_mm256_loadu_si256((const __m256i *)numbers),
				_mm256_loadu_si256((const __m256i *)(numbers + 8))),
	    _mm256_set1_epi16(G_MININT16));
}

/* each tabled unit's look-up state in the chunk's runs (AccordRun.lookup_state), negated: less
 * the count of its look-up thresholds (lookup_below16) below the run's number, as
 * joint_rule_values() counts it, sixteen runs to a register, kept in 16-bit lanes in
 * packed_numbers()' order. Counted once for all the rules that read the unit */
static void __attribute__((target("avx2")))
lookup_states_eight(AccordRun *self, const AccordCountryModel *country)
{
	/* in locals: the stores of the states could otherwise change them, for all the compiler
	 * knows, and it would load them again for each unit */
	const guint32 *restrict units = country->tabled_units, *restrict counts =
								   country->lookup_states;
	const guint16 *restrict thresholds = country->lookup_below16;
	const guint32 *restrict numbers = self->numbers;
	guint16 *restrict states = self->lookup_state;

	for (guint i = 0; i < country->n_tabled; i++) {
		guint u = units[i], n = counts[u];
		const guint32 *row = numbers + number_index(0, u);
		const guint16 *below = thresholds + ACCORD_TABLE_STATES * (gsize)u;
		guint16 *out = states + (gsize)u * ACCORD_CHUNK;
		__m256i r[ACCORD_CHUNK / 16], k[ACCORD_CHUNK / 16];

		/* a comparison's lanes are −1 where the number is above the threshold: the sum of
		 * the first's and the others' is −state (no zero to start from and subtract from)
		 */
		for (guint q = 0; q < ACCORD_CHUNK / 16; q++) {
			r[q] = packed_numbers(row + 16 * q);
			k[q] = n > 0 ? _mm256_cmpgt_epi16(r[q], _mm256_set1_epi16((gshort)below[0]))
				     : _mm256_setzero_si256();
		}
		for (guint j = 1; j < n; j++) {
			__m256i t = _mm256_set1_epi16((gshort)below[j]);

			for (guint q = 0; q < ACCORD_CHUNK / 16; q++)
				k[q] = _mm256_add_epi16(k[q], _mm256_cmpgt_epi16(r[q], t));
		}
		for (guint q = 0; q < ACCORD_CHUNK / 16; q++)
			_mm256_storeu_si256((__m256i *)(out + 16 * q), k[q]);
	}
}

/* joint_rule_values() with AVX2, its first step: the joint index of each of the chunk's runs
 * (@index), its policy's place (@places: the chunk's, in 16-bit lanes in packed_numbers()'
 * order) times the rule's joint states plus each of the rule's units' look-up state
 * (lookup_states_eight(): negated, so times the negated place value) times the unit's place
 * value, sixteen runs to a register: an index is below 3 × ACCORD_JOINT_STATES, so 16 bits
 * hold it and its products. Stored as they are, in
 * the lanes' order: of each sixteen runs, 0 to 3, 8 to 11, 4 to 7, 12 to 15. Positions without a
 * run (past the last, in the last chunk) take an index too, from numbers left from before and
 * the place 0: within the table, and never read */
static void __attribute__((target("avx2")))
joint_indices_eight(const AccordRun *self,
		    const AccordCountryModel *country,
		    guint slot,
		    const __m256i places[ACCORD_CHUNK / 16],
		    guint16 *index)
{
	__m256i states = _mm256_set1_epi16((gshort)country->joint_states[slot]);
	const guint32 *restrict units = country->joint_unit, *restrict strides =
								 country->joint_stride;
	const guint16 *restrict lookup = self->lookup_state;
	__m256i at[ACCORD_CHUNK / 16];

	for (guint q = 0; q < ACCORD_CHUNK / 16; q++)
		at[q] = _mm256_mullo_epi16(places[q], states);
	for (guint i = country->slot_tables[slot]; i < country->slot_tables[slot + 1]; i++) {
		const guint16 *k = lookup + (gsize)units[i] * ACCORD_CHUNK;
		/* the look-up states are kept negated (lookup_states_eight()) */
		__m256i stride = _mm256_set1_epi16((gshort)(0 - strides[i]));

		for (guint q = 0; q < ACCORD_CHUNK / 16; q++)
			at[q] = _mm256_add_epi16(
			    at[q],
			    _mm256_mullo_epi16(_mm256_loadu_si256((const __m256i *)(k + 16 * q)),
					       stride));
	}
	for (guint q = 0; q < ACCORD_CHUNK / 16; q++)
		_mm256_storeu_si256((__m256i *)(index + 16 * q), at[q]);
}

/* four runs' values of a rule from its joint table @joint at their indices @k, four values a
 * register: each index loaded straight into the register that addresses its value (fewer
 * instructions than taking four indices out of one vector load) */
static inline __m256d __attribute__((target("avx2"), always_inline))
four_values(const gdouble *joint, const guint16 *k)
{
	return _mm256_setr_pd(joint[k[0]], joint[k[1]], joint[k[2]], joint[k[3]]);
}

/* where each four runs' indices are in a sixteen runs' part of a row of joint_indices_eight() */
static const guint8 index_order[4] = {0, 8, 4, 12};

/* the values of @n runs (a multiple of eight) of a rule, looked up at @index (a row of
 * joint_indices_eight(), in its order) in @joint */
static inline void __attribute__((target("avx2"), always_inline))
look_up(const gdouble *joint, const guint16 *index, guint n, gdouble *values)
{
	for (guint i = 0; i < n; i += 16) {
		for (guint q = 0; q < 4 && i + 4 * q < n; q++)
			_mm256_storeu_pd(values + i + 4 * q,
					 four_values(joint, index + i + index_order[q]));
	}
}

/* add_looked_up() for four runs, their indices at @k; @count NULL where the rule counts in
 * every run (no value is NaN), whose pillar's counts are AccordRun.pillar_counts */
static inline void __attribute__((target("avx2"), always_inline))
add_four_looked_up(const gdouble *joint,
		   const guint16 *k,
		   const gdouble *w,
		   gboolean first,
		   gdouble *sum,
		   gdouble *count)
{
	__m256d x = four_values(joint, k), weight = _mm256_loadu_pd(w);
	__m256d counts;

	/* x · w as below: a value masked where it counts is the value */
	if (count == NULL) {
		__m256d term = weight * x;

		if (!first)
			term = _mm256_loadu_pd(sum) + term;
		_mm256_storeu_pd(sum, term);
		return;
	}
	counts = _mm256_cmp_pd(x, x, _CMP_ORD_Q);
	/* w · 1 where the value counts is w, and w · 0 where it does not is +0, which the weight
	 * masked gives too: a weight is positive or +0 */
	__m256d term = weight * _mm256_and_pd(x, counts), counted = _mm256_and_pd(weight, counts);

	/* a first rule's terms are its pillar's sums: 0 + a term is the term, which is never −0 (a
	 * value and a weight are at least +0) */
	if (!first) {
		term = _mm256_loadu_pd(sum) + term;
		counted = _mm256_loadu_pd(count) + counted;
	}
	_mm256_storeu_pd(sum, term);
	_mm256_storeu_pd(count, counted);
}

/* look_up() and add_value() at once, for a pillar whose rules all look their values up: each
 * run's value with the rule's weight @w added to its pillar's @sum and @count, which its first
 * rule sets; the same operations in the same order, so the same bits, with no row of values
 * stored and read back */
static inline void __attribute__((target("avx2"), always_inline))
add_looked_up(const gdouble *joint,
	      const guint16 *index,
	      const gdouble *w,
	      guint n,
	      gboolean first,
	      gdouble *sum,
	      gdouble *count)
{
	for (guint i = 0; i < n; i += 16) {
		for (guint q = 0; q < 4 && i + 4 * q < n; q++)
			add_four_looked_up(joint,
					   index + i + index_order[q],
					   w + i + 4 * q,
					   first,
					   sum + i + 4 * q,
					   count != NULL ? count + i + 4 * q : NULL);
	}
}

/* add_looked_up() for the rules of a pillar whose rules all look their values up (slots
 * @first to @end), into its sums at @sum (its counts a row after, unless @shared:
 * AccordRun.pillar_counts), for @n runs from position @chunk: the first rule sets the sums */
static inline void __attribute__((target("avx2"), always_inline))
add_pillar_looked_up(const AccordRun *self,
		     const AccordCountryModel *country,
		     guint first,
		     guint end,
		     guint chunk,
		     guint n,
		     gboolean shared,
		     gdouble *sum)
{
	gdouble *count = shared ? NULL : sum + ACCORD_CHUNK;

	for (guint slot = first; slot < end; slot++) {
		const gdouble *joint = country->joint + country->joint_at[slot];
		const guint16 *index = self->joint_index + ACCORD_CHUNK * (gsize)slot;
		/* the weights' rows hold whole blocks of eight (AccordRun.stride) */
		const gdouble *w = self->by_slot + (gsize)slot * self->stride + chunk;

		/* the first rule's loop on its own, with a constant for it */
		if (slot == first)
			add_looked_up(joint, index, w, n, TRUE, sum, count);
		else
			add_looked_up(joint, index, w, n, FALSE, sum, count);
	}
}

/* add_pillar_looked_up() with a whole chunk (most) and whether the counts are shared as
 * constants, so that the compiler makes each rule's loop a whole number of unrolled steps,
 * drops the loads of the first rule's sums (its loop peeled) and, where they are shared, every
 * step of the counts */
static inline void __attribute__((target("avx2"), always_inline))
add_pillar_chunk(const AccordRun *self,
		 const AccordCountryModel *country,
		 guint first,
		 guint end,
		 guint chunk,
		 guint n,
		 gboolean shared,
		 gdouble *sum)
{
	if (n == ACCORD_CHUNK && shared)
		add_pillar_looked_up(self, country, first, end, chunk, ACCORD_CHUNK, TRUE, sum);
	else if (n == ACCORD_CHUNK)
		add_pillar_looked_up(self, country, first, end, chunk, ACCORD_CHUNK, FALSE, sum);
	else
		add_pillar_looked_up(self, country, first, end, chunk, n, shared, sum);
}

/* sum_rules_tables() with AVX2: every looked-up rule's indices first, then their values, each
 * loaded on its own (AVX2's gathers were no faster), so that no load of an index waits for the
 * store of the register that held it */
static void __attribute__((target("avx2")))
sum_rules_tables_eight(AccordRun *self,
		       const AccordCountryModel *country,
		       const AccordBlockPolicies *blocks,
		       guint chunk,
		       guint n)
{
	guint n_blocks = (n + 7) / 8, n_rules = self->model->n_rules;
	guint policies = self->chunk_policies[chunk / ACCORD_CHUNK];
	__m256i places[ACCORD_CHUNK / 16];

	for (guint q = 0; q < ACCORD_CHUNK / 16; q++)
		places[q] = _mm256_packus_epi32(
		    _mm256_loadu_si256((const __m256i *)(self->place_at + chunk + 16 * q)),
		    _mm256_loadu_si256((const __m256i *)(self->place_at + chunk + 16 * q + 8)));
	lookup_states_eight(self, country);
	for (guint slot = 0; slot < n_rules; slot++) {
		guint first = country->slot_tables[slot], end = country->slot_tables[slot + 1];

		if (first == end)
			continue;
		if (country->joint_at[slot] < country->joint_at[slot + 1])
			joint_indices_eight(self,
					    country,
					    slot,
					    places,
					    self->joint_index + ACCORD_CHUNK * (gsize)slot);
		else
			sum_rule_tables_eight(self,
					      country,
					      first,
					      end,
					      blocks,
					      self->columns + 3 * ACCORD_CHUNK * (gsize)slot);
	}
	for (guint p = 0; p < self->model->n_pillars; p++) {
		const guint *slots = self->model->pillar_slots;
		/* where its rules count in every run of the chunk, the pillar's counts are the
		 * sums of its weights, the same in every country: pillar_counts holds them */
		gboolean shared = (country->pillar_uncounted[p] & policies) == 0;

		if (country->pillar_summed[p]) {
			self->counts_shared[p] = shared;
			add_pillar_chunk(self,
					 country,
					 slots[p],
					 slots[p + 1],
					 chunk,
					 8 * n_blocks,
					 shared,
					 self->pillar_sums + 2 * ACCORD_CHUNK * (gsize)p);
			continue;
		}
		for (guint slot = slots[p]; slot < slots[p + 1]; slot++) {
			if (country->joint_at[slot] < country->joint_at[slot + 1])
				look_up(country->joint + country->joint_at[slot],
					self->joint_index + ACCORD_CHUNK * (gsize)slot,
					8 * n_blocks,
					self->values + ACCORD_CHUNK * (gsize)slot);
		}
	}
}

/* a tabled unit's changes in the chunk's runs, all at once, with AVX-512 (@wide) or AVX2: its
 * state in each (kept in AccordRun.states: 64-bit indices with AVX-512, 32-bit with AVX2), then
 * for each rule it changes, each run's state's terms from the table of the run's policy, added
 * to the run's sums (those of runs where the unit is kept add 0, which changes no sum, so each
 * run's sums are what add_unit_changes() makes them), and its flips and drops tallied. The
 * tables of rules that only tabled units change are left for sum_rule_tables() */
static void
unit_changes_at_once(AccordRun *self,
		     const AccordCountryModel *country,
		     guint u,
		     const AccordBlockPolicies *blocks,
		     guint *flipped,
		     guint *dropped,
		     gboolean wide)
{
	guint64 *states = self->states + (gsize)u * ACCORD_CHUNK;
	const guint32 *numbers = self->numbers + number_index(0, u);
	const guint32 *below = country->unit_below + ACCORD_TABLE_STATES * (gsize)u;
	const guint32 *tallies = country->unit_tallies + 2 * ACCORD_TABLE_STATES * (gsize)u;
	guint n_states = country->units[u].n_states,
	      *counted = self->count_changes ? flipped : NULL;

	if (wide)
		chunk_states(numbers, below, n_states, tallies, states, counted, dropped);
	else
		chunk_states_eight(numbers,
				   below,
				   n_states,
				   tallies,
				   (guint32 *)states,
				   counted,
				   dropped);
	for (guint t = country->unit_tables[u]; t < country->unit_tables[u + 1]; t++) {
		gdouble *row = self->columns + country->table_row[t];

		if (country->table_later[t])
			continue;
		if (wide)
			add_table(country, t, states, blocks, row);
		else
			add_table_eight(country, t, (const guint32 *)states, blocks, row);
	}
}

/* add_changes() where the country has tables, with AVX-512 (@wide) or AVX2: the same sums,
 * flips and drops; a unit with tables (most) adds its changes in every run at once, with no
 * branch on which runs it changes in or which state it takes; the others run by run */
static void
add_changes_tabled(AccordRun *self,
		   const AccordCountryModel *country,
		   guint chunk,
		   guint end,
		   gboolean wide)
{
	const AccordHotDelta *deltas[ACCORD_CHUNK];
	guint flipped[ACCORD_CHUNK], dropped[ACCORD_CHUNK], n = end - chunk;
	const AccordBlockPolicies *blocks = self->blocks + chunk / 8;

	/* the flips and drops are added to only where a unit's changes are (the others' look-ups
	 * leave them alone), and read only where counted or where facts are drawn one by one */
	if (self->count_changes || country->n_added > 0 || country->n_exact > 0) {
		memset(flipped, 0, sizeof flipped);
		memset(dropped, 0, sizeof dropped);
	}
	if (country->some_by_run)
		run_deltas(self, country, chunk, n, deltas);
	/* a unit whose rules all look their values up needs its states for its flips and drops
	 * alone: only the per-draw CSV, which counts them, goes through every unit */
	for (guint i = 0; i < (self->count_changes ? country->n_units : country->n_added); i++) {
		guint u = self->count_changes ? i : country->added_units[i];

		if (country->units[u].tabled)
			unit_changes_at_once(self, country, u, blocks, flipped, dropped, wide);
		else if (country->units[u].change > 0)
			unit_changes_by_run(self,
					    country,
					    u,
					    wide ? runs_changing(self, country, u, n)
						 : runs_changing_eight(self, country, u, n),
					    deltas,
					    flipped,
					    dropped);
	}
	if (wide)
		sum_rules_tables(self, country, blocks, chunk, n);
	else
		sum_rules_tables_eight(self, country, blocks, chunk, n);
	finish_changes(self, country, chunk, n, flipped, dropped);
}
#endif

/* ---- the scores ---- */

/* one rule's value in each of @n runs, added with its weights to their pillars' sums: the
 * rule's sums with every fact kept (@kept_num, @kept_den, @kept_count) plus the deltas the
 * evidence added (0 where none did), made a value and a count as accord_rule_value() makes
 * them (Σw·c/Σw and 1 when it counts, else 0 and 0). Zeroes the deltas for the next country.
 * With restrict parameters and kept out of line (inlined into score_piece(), GCC 12 no longer
 * vectorised it), and with each select a statement of its own, which GCC if-converts where a
 * select inside an expression was left a branch */
static void G_GNUC_NO_INLINE ACCORD_VECTOR_CLONES
add_rule(guint n,
	 gdouble kept_num,
	 gdouble kept_den,
	 gdouble kept_count,
	 gdouble *restrict num,
	 gdouble *restrict den,
	 gdouble *restrict cnt,
	 const gdouble *restrict weights,
	 gdouble *restrict sum,
	 gdouble *restrict count,
	 gboolean first)
{
	/* the pillar's first rule sets its sums (0 + the term: the same bits as adding to a
	 * zeroed sum, with no pass to zero them) */
	gdouble keep = first ? 0.0 : 1.0;

	for (guint i = 0; i < n; i++) {
		gdouble x = (kept_num + num[i]) / (kept_den + den[i]);
		gdouble counted = kept_count + cnt[i];
		gdouble counts = counted > 0 ? 1.0 : 0.0;
		gdouble value, old_sum = keep > 0 ? sum[i] : 0.0,
			       old_count = keep > 0 ? count[i] : 0.0;

		counts = x == x ? counts : 0.0;
		value = counts > 0 ? x : 0.0;
		sum[i] = old_sum + weights[i] * value;
		count[i] = old_count + weights[i] * counts;
		num[i] = 0;
		den[i] = 0;
		cnt[i] = 0;
	}
}

/* add_rule() for a rule whose value each run looked up (@values: NaN where it does not count):
 * the same terms, added to the same sums */
static void G_GNUC_NO_INLINE ACCORD_VECTOR_CLONES
add_value(guint n,
	  const gdouble *restrict values,
	  const gdouble *restrict weights,
	  gdouble *restrict sum,
	  gdouble *restrict count,
	  gboolean first)
{
	gdouble keep = first ? 0.0 : 1.0;

	for (guint i = 0; i < n; i++) {
		gdouble x = values[i];
		gdouble counts = x == x ? 1.0 : 0.0;
		gdouble value = counts > 0 ? x : 0.0;
		gdouble old_sum = keep > 0 ? sum[i] : 0.0, old_count = keep > 0 ? count[i] : 0.0;

		sum[i] = old_sum + weights[i] * value;
		count[i] = old_count + weights[i] * counts;
	}
}

/* pillar @p's Σ w·value and Σ w over its rules (@sum, @count) in the runs at positions @a to
 * @a + @len of one chunk, for score_piece(): each rule's value looked up (@looked_up, where its
 * rule has a joint table) or made from its sums, added in slot order */
static void
pillar_sums(AccordRun *self,
	    guint c,
	    guint p,
	    guint a,
	    guint len,
	    const AccordRunPiece *piece,
	    gboolean looked_up,
	    gdouble *sum,
	    gdouble *count)
{
	const AccordModel *m = self->model;
	const AccordCountryModel *country = &m->countries[c];
	guint n = m->n_rules, i0 = a % ACCORD_CHUNK;
	const gdouble *kept = country->kept_sums + 3 * piece->unknown * (gsize)n;

	for (guint s = m->pillar_slots[p]; s < m->pillar_slots[p + 1]; s++) {
		gdouble *rows = self->columns + (gsize)3 * ACCORD_CHUNK * s + i0;
		gboolean first = s == m->pillar_slots[p];

		if (looked_up && country->joint_at[s] < country->joint_at[s + 1]) {
			add_value(len,
				  self->values + (gsize)ACCORD_CHUNK * s + i0,
				  self->by_slot + (gsize)s * self->stride + a,
				  sum,
				  count,
				  first);
			continue;
		}
		add_rule(len,
			 kept[s],
			 kept[n + s],
			 kept[2 * n + s],
			 rows,
			 rows + ACCORD_CHUNK,
			 rows + 2 * ACCORD_CHUNK,
			 self->by_slot + (gsize)s * self->stride + a,
			 sum,
			 count,
			 first);
	}
	/* a pillar without rules: sums of 0 */
	if (m->pillar_slots[p] == m->pillar_slots[p + 1]) {
		memset(sum, 0, len * sizeof(gdouble));
		memset(count, 0, len * sizeof(gdouble));
	}
}

/* the scores of country @c in the runs at positions @a to @b, all of one chunk and sharing
 * their aggregation and unknown policy: rules into pillars and pillars into the score with
 * the formulas of engine/score.c, each run's terms added in the same order as with the
 * evidence fixed (uncertainty-run.c, aggregate()) */
static void
score_piece(AccordRun *self,
	    guint c,
	    guint a,
	    guint b,
	    const AccordRunPiece *piece,
	    gboolean looked_up)
{
	const AccordModel *m = self->model;
	guint i0 = a % ACCORD_CHUNK, len = b - a;
	/* the pillar passes take the runs past the piece up to a multiple of four too, so that
	 * their vectorised loops leave no runs to do one at a time: those runs' sums are another
	 * piece's, or left from before, and what the passes add for them lands in this chunk's
	 * working rows past the piece (which the next piece zeroes before it adds to them) or in
	 * the rows' room past their ends (AccordRun.chunk_sums, pillar_sums, pillar_counts and
	 * by_pillar) */
	guint padded = (len + 3) / 4 * 4;
	gdouble *numerator = self->chunk_sums + i0;
	gdouble *denominator = numerator + ACCORD_CHUNK;
	gdouble *log_sum = denominator + ACCORD_CHUNK, *zeros = log_sum + ACCORD_CHUNK;
	gdouble *scores;
	AccordPillarRows pillars[m->n_pillars];

	/* what the piece's aggregation adds to: the geometric scores read no numerator, the
	 * arithmetic ones no logarithms or zeros */
	memset(denominator, 0, len * sizeof(gdouble));
	if (piece->geometric) {
		memset(log_sum, 0, len * sizeof(gdouble));
		memset(zeros, 0, len * sizeof(gdouble));
	} else {
		memset(numerator, 0, len * sizeof(gdouble));
	}
	/* in locals: pillar_sums() could otherwise change them, for all the compiler knows, and it
	 * would load them again for each pillar */
	const gboolean *pillar_summed = m->countries[c].pillar_summed;
	const gboolean *counts_shared = self->counts_shared;
	gdouble *rows = self->pillar_sums + i0, *counts = self->pillar_counts + a;
	const gdouble *weights = self->by_pillar + a;
	gsize stride = self->stride;
	guint n_pillars = m->n_pillars;

	for (guint p = 0; p < n_pillars; p++) {
		/* each pillar's sums in its rows of pillar_sums: where sum_rules_tables_eight()
		 * has summed the pillar, its sums, else worked out here */
		gboolean summed = looked_up && pillar_summed[p];
		gdouble *sum = rows + 2 * ACCORD_CHUNK * (gsize)p;
		/* the pillar's counts where sum_rules_tables_eight() left them shared */
		gdouble *count = summed && counts_shared[p] ? counts + p * stride
							    : sum + ACCORD_CHUNK;

		if (!summed)
			pillar_sums(self, c, p, a, len, piece, looked_up, sum, count);
		pillars[p] = (AccordPillarRows){weights + p * stride, sum, count};
	}
	if (piece->geometric)
		accord_add_pillars_logs(padded, n_pillars, pillars, denominator, zeros, log_sum);
	else
		accord_add_pillars(padded, n_pillars, pillars, numerator, denominator);
	scores = self->by_country + (gsize)c * self->stride + a;
	if (piece->geometric) {
		accord_geometric_scores(len, log_sum, denominator, zeros, scores);
		return;
	}
	accord_arithmetic_scores(len, numerator, denominator, scores);
}

#ifdef USE_WIDE
/* ---- eight runs at once ---- */

/* AVX-512 registers of eight doubles and eight unsigned 64-bit integers, whose arithmetic GCC
 * writes with operators (a cast between the two keeps the bits); comparisons and selects are
 * intrinsics, into and by masks */
typedef guint64 Bits __attribute__((vector_size(64)));

/* log_positive() (uncertainty-run.c) of eight values, operation for operation, so the same
 * bits */
static inline __m512d __attribute__((target("avx512f"))) logs_positive(__m512d x)
{
	Bits bits = (Bits)x, hx = (bits >> 32) & 0x000fffff;
	Bits i = (hx + 0x95f64) & 0x100000;
	__m512d dk =
	    (__m512d)(((bits >> 52) + (i >> 20)) | G_GUINT64_CONSTANT(0x4330000000000000)) -
	    (4503599627370496.0 + 1023.0);
	__m512d f = (__m512d)(((hx | (i ^ 0x3ff00000)) << 32) | (bits & 0xffffffffu)) - 1.0;
	__m512d s = f / (2.0 + f), z = s * s, w = z * z, half_square = 0.5 * f * f;
	__m512d r = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7))) + w * (LG2 + w * (LG4 + w * LG6));

	return dk * LN2_HI - ((half_square - (s * (half_square + r) + dk * LN2_LO)) - f);
}

/* accord_add_pillars_logs()'s logarithms for eight values (@value, a pillar's in eight runs, 0
 * where it does not count), with their weights @w: @log_sum plus each weight × log(value) where the
 * value is above 0, log_positive() for the normal values, then libm's log() for any below the
 * normal range, so the same bits */
static inline __m512d __attribute__((target("avx512f")))
add_logs(__m512d value, __m512d w, __m512d log_sum)
{
	__m512d least = _mm512_set1_pd(G_MINDOUBLE);
	__mmask8 normal = _mm512_cmp_pd_mask(value, least, _CMP_GE_OQ);
	__mmask8 tiny = _mm512_cmp_pd_mask(value, _mm512_setzero_pd(), _CMP_GT_OQ) &
			_mm512_cmp_pd_mask(value, least, _CMP_LT_OQ);

	log_sum += w * logs_positive(_mm512_mask_blend_pd(normal, _mm512_set1_pd(1.0), value));
	for (guint i = 0; tiny != 0 && i < 8; i++) {
		if (tiny >> i & 1)
			log_sum[i] += w[i] * log(value[i]);
	}
	return log_sum;
}

/* exp_regular() (uncertainty-run.c) of eight values, operation for operation, so the same
 * bits */
static inline __m512d __attribute__((target("avx512f"))) exps_regular(__m512d x)
{
	Bits bits = (Bits)x, hx = (bits >> 32) & 0x7fffffff;
	__m512d one = _mm512_set1_pd(1.0);
	__m512d sign = (__m512d)((bits & G_GUINT64_CONSTANT(0x8000000000000000)) | (Bits)one);
	__m512d far = _mm512_cvtepi32_pd(_mm512_cvttpd_epi32(INVLN2 * x + 0.5 * sign));
	__mmask8 reduced = _mm512_cmpgt_epu64_mask((__m512i)hx, _mm512_set1_epi64(0x3fd62e42));
	__mmask8 near = _mm512_cmplt_epu64_mask((__m512i)hx, _mm512_set1_epi64(0x3ff0a2b2));
	__m512d dk = _mm512_maskz_mov_pd(reduced, _mm512_mask_blend_pd(near, far, sign));
	__m512d hi = x - dk * LN2_HI, lo = dk * LN2_LO, r = hi - lo, t = r * r;
	__m512d c = r - t * (EXP_P1 + t * (EXP_P2 + t * (EXP_P3 + t * (EXP_P4 + t * EXP_P5))));
	__m512d y = 1.0 - ((lo - (r * c) / (2.0 - c)) - hi);
	Bits k = (Bits)(dk + 6755399441055744.0);

	/* below 2^−28, 1 + x */
	return _mm512_mask_blend_pd(
	    _mm512_cmplt_epu64_mask((__m512i)hx, _mm512_set1_epi64(0x3e300000)),
	    (__m512d)((Bits)y + (k << 52)),
	    one + x);
}

/* accord_geometric_scores() for eight scores, from their @log_sum, @denominator and @zeros:
 * exps_regular(), then libm's exp() for a mean outside its arguments, so the same bits */
static inline __m512d __attribute__((target("avx512f")))
geometric_eight(__m512d log_sum, __m512d denominator, __m512d zeros, __mmask8 keep)
{
	__m512d x = log_sum / denominator, zero = _mm512_setzero_pd();
	__mmask8 regular = _mm512_cmp_pd_mask(x, _mm512_set1_pd(EXP_REGULAR_LOW), _CMP_GT_OQ) &
			   _mm512_cmp_pd_mask(x, _mm512_set1_pd(EXP_REGULAR_HIGH), _CMP_LT_OQ);
	__m512d score = 100.0 * exps_regular(_mm512_maskz_mov_pd(regular, x));
	__mmask8 counts = _mm512_cmp_pd_mask(denominator, zero, _CMP_GT_OQ);
	__mmask8 at_zero = _mm512_cmp_pd_mask(zeros, zero, _CMP_GT_OQ);
	__mmask8 irregular = keep & counts & ~at_zero & ~regular;

	for (guint i = 0; irregular != 0 && i < 8; i++) {
		if (irregular >> i & 1)
			score[i] = 100.0 * exp(x[i]);
	}
	score = _mm512_mask_blend_pd(at_zero, score, zero);
	return _mm512_mask_blend_pd(counts, _mm512_set1_pd(NAN), score);
}

static void __attribute__((target("avx512f")))
add_logs_eight(const gdouble *values, const gdouble *w, gdouble *log_sum)
{
	_mm512_storeu_pd(
	    log_sum,
	    add_logs(_mm512_loadu_pd(values), _mm512_loadu_pd(w), _mm512_loadu_pd(log_sum)));
}

static void __attribute__((target("avx512f"))) geometric_scores_store(const gdouble *log_sum,
								      const gdouble *denominator,
								      const gdouble *zeros,
								      gdouble *scores)
{
	_mm512_storeu_pd(scores,
			 geometric_eight(_mm512_loadu_pd(log_sum),
					 _mm512_loadu_pd(denominator),
					 _mm512_loadu_pd(zeros),
					 0xff));
}
#endif

/**
 * accord_add_logs_eight:
 * @values: (array fixed-size=8): a pillar's value in eight runs, 0 where it does not count
 * @w: (array fixed-size=8): its weight in each
 * @log_sum: (array fixed-size=8): their Σ weight × log(value) so far
 *
 * What the eight-at-once scoring of the evidence adds to eight geometric means, where the
 * processor has AVX-512: the same as accord_add_pillars_logs() on values over counts of 1 (for
 * tests).
 *
 * Returns: %FALSE, adding nothing, where the processor has no AVX-512
 */
gboolean
accord_add_logs_eight(const gdouble *values, const gdouble *w, gdouble *log_sum)
{
#ifdef USE_WIDE
	if (accord_evidence_widest_group() >= 4) {
		add_logs_eight(values, w, log_sum);
		return TRUE;
	}
#endif
	return FALSE;
}

/**
 * accord_geometric_scores_eight:
 * @log_sum: (array fixed-size=8): eight scores' Σ weight × log(pillar value)
 * @denominator: (array fixed-size=8): their Σ weight of the pillars that count
 * @zeros: (array fixed-size=8): above 0 where a pillar that counts is at 0
 * @scores: (out) (array fixed-size=8): the weighted geometric means, in points
 *
 * What the eight-at-once scoring of the evidence makes of eight geometric means, where the
 * processor has AVX-512: the same as accord_geometric_scores() (for tests).
 *
 * Returns: %FALSE, writing nothing, where the processor has no AVX-512
 */
gboolean
accord_geometric_scores_eight(const gdouble *log_sum,
			      const gdouble *denominator,
			      const gdouble *zeros,
			      gdouble *scores)
{
#ifdef USE_WIDE
	if (accord_evidence_widest_group() >= 4) {
		geometric_scores_store(log_sum, denominator, zeros, scores);
		return TRUE;
	}
#endif
	return FALSE;
}

#ifdef USE_WIDE
/* eight runs of one country at positions a to a + 8 of one chunk (i0 = a − chunk), sharing
 * their aggregation and unknown policy */
typedef struct {
	const gdouble *kept;	  /* the country's kept_sums under the runs' policy */
	const guint32 *joint_at;  /* the country's, where the runs looked values up; else NULL */
	const gdouble *values;	  /* AccordRun.values + i0 */
	gdouble *columns;	  /* AccordRun.columns + i0 */
	const gdouble *by_slot;	  /* AccordRun.by_slot + a */
	const gdouble *by_pillar; /* AccordRun.by_pillar + a */
	gsize stride;
	gboolean geometric;
	__mmask8 keep; /* the runs of the (first) block to score: the others are past the run
			  or the piece, some perhaps in another piece */
} EightRuns;

/* rule @slot's terms in eight runs (those @at positions on) added to its pillar's sums: its
 * looked-up values (NaN where it does not count) or its sums with every fact kept plus the
 * deltas the evidence added (its rows, zeroed for the next country), made a value and a count
 * as add_value() and add_rule() make them */
static inline void __attribute__((target("avx512f"), always_inline))
eight_rule(const AccordModel *m,
	   const EightRuns *e,
	   guint slot,
	   guint at,
	   __m512d *sum,
	   __m512d *count)
{
	const gdouble *kept = e->kept;
	__mmask8 keep = e->keep, counts;
	__m512d w = _mm512_maskz_loadu_pd(keep, e->by_slot + slot * e->stride + at), x;

	if (e->joint_at != NULL && e->joint_at[slot] < e->joint_at[slot + 1]) {
		x = _mm512_maskz_loadu_pd(keep, e->values + (gsize)slot * ACCORD_CHUNK + at);
		counts = _mm512_cmp_pd_mask(x, x, _CMP_EQ_OQ);
	} else {
		gdouble *rows = e->columns + (gsize)3 * ACCORD_CHUNK * slot + at;
		guint n = m->n_rules;

		x = (kept[slot] + _mm512_maskz_loadu_pd(keep, rows)) /
		    (kept[n + slot] + _mm512_maskz_loadu_pd(keep, rows + ACCORD_CHUNK));
		counts =
		    _mm512_cmp_pd_mask(kept[2 * n + slot] +
					   _mm512_maskz_loadu_pd(keep, rows + 2 * ACCORD_CHUNK),
				       _mm512_setzero_pd(),
				       _CMP_GT_OQ) &
		    _mm512_cmp_pd_mask(x, x, _CMP_EQ_OQ);
		/* only the block's runs of this piece: the others' are another piece's */
		for (guint k = 0; k < 3; k++)
			_mm512_mask_storeu_pd(rows + k * ACCORD_CHUNK, keep, _mm512_setzero_pd());
	}
	/* add_rule() and add_value() add w × 0 where the rule does not count: a +0, which changes
	 * no sum (each starts at +0 and adds terms of at least 0, so none is −0), so leaving
	 * those lanes as they are gives the same bits */
	*sum = _mm512_mask_add_pd(*sum, counts, *sum, w * x);
	*count = _mm512_mask_add_pd(*count, counts, *count, w);
}

/* the scores of @n_blocks blocks of eight runs (1 or 2, @scores) as score_piece() works them
 * out one sum at a time: the same operations in the same order on each run's terms
 * (add_value(), add_rule(), accord_add_pillars(), accord_add_pillars_logs()), so the same bits,
 * with every sum in registers. Two blocks side by side give the processor two chains of pillars,
 * logarithms and divisions that do not wait for each other */
static inline void __attribute__((target("avx512f"), always_inline))
score_blocks(const AccordModel *m,
	     const EightRuns *e,
	     guint n_blocks,
	     gboolean geometric,
	     gdouble *scores)
{
	__m512d numerator[2], denominator[2], log_sum[2], zeros[2], one = _mm512_set1_pd(1.0);

	for (guint j = 0; j < n_blocks; j++)
		numerator[j] = denominator[j] = log_sum[j] = zeros[j] = _mm512_setzero_pd();
	for (guint p = 0; p < m->n_pillars; p++) {
		__m512d sum[2], count[2];

		for (guint j = 0; j < n_blocks; j++)
			sum[j] = count[j] = _mm512_setzero_pd();
		for (guint s = m->pillar_slots[p]; s < m->pillar_slots[p + 1]; s++) {
			for (guint j = 0; j < n_blocks; j++)
				eight_rule(m, e, s, 8 * j, &sum[j], &count[j]);
		}
		for (guint j = 0; j < n_blocks; j++) {
			/* accord_add_pillars(), its products by 0 or 1 made selects and its sums
			 * of +0 left out (the same bits, as in eight_rule()): a pillar that does
			 * not count has count +0, and count + (1 − 0) is 1 */
			__m512d w =
			    _mm512_maskz_loadu_pd(e->keep, e->by_pillar + p * e->stride + 8 * j);
			__mmask8 counts =
			    _mm512_cmp_pd_mask(count[j], _mm512_setzero_pd(), _CMP_GT_OQ);
			__m512d value = sum[j] / _mm512_mask_blend_pd(counts, one, count[j]);

			denominator[j] =
			    _mm512_mask_add_pd(denominator[j], counts, denominator[j], w);
			/* an arithmetic mean needs the numerator, a geometric one the zeros and
			 * the logarithms */
			if (!geometric) {
				numerator[j] = _mm512_mask_add_pd(numerator[j],
								  counts,
								  numerator[j],
								  w * value);
				continue;
			}
			zeros[j] = _mm512_mask_add_pd(
			    zeros[j],
			    _mm512_mask_cmp_pd_mask(counts, value, _mm512_setzero_pd(), _CMP_LE_OQ),
			    zeros[j],
			    one);
			log_sum[j] = add_logs(value, w, log_sum[j]);
		}
	}
	for (guint j = 0; j < n_blocks; j++) {
		/* where nothing counts (the denominator is 0) the quotients are not taken */
		__mmask8 counts =
		    _mm512_cmp_pd_mask(denominator[j], _mm512_setzero_pd(), _CMP_GT_OQ);

		_mm512_mask_storeu_pd(
		    scores + 8 * j,
		    e->keep,
		    geometric ? geometric_eight(log_sum[j], denominator[j], zeros[j], e->keep)
			      : _mm512_mask_blend_pd(counts,
						     _mm512_set1_pd(NAN),
						     100.0 * numerator[j] / denominator[j]));
	}
}

/* score_blocks() built for arithmetic and for geometric draws (a constant, so that each copy
 * leaves out what the other aggregation needs) */
static inline void __attribute__((target("avx512f"), always_inline))
score_blocks_of(const AccordModel *m, const EightRuns *e, guint n_blocks, gdouble *scores)
{
	if (e->geometric)
		score_blocks(m, e, n_blocks, TRUE, scores);
	else
		score_blocks(m, e, n_blocks, FALSE, scores);
}

static void __attribute__((target("avx512f")))
score_eight(const AccordModel *m, const EightRuns *e, gdouble *scores)
{
	score_blocks_of(m, e, 1, scores);
}

static void __attribute__((target("avx512f")))
score_sixteen(const AccordModel *m, const EightRuns *e, gdouble *scores)
{
	score_blocks_of(m, e, 2, scores);
}
#endif

/* the scores of country @c in the runs at positions @a to @b (as score_piece()): where the
 * processor has AVX-512, eight at a time with every sum in registers (score_eight()); the
 * others one sum at a time */
static void
score_runs(AccordRun *self,
	   guint c,
	   guint a,
	   guint b,
	   const AccordRunPiece *piece,
	   gboolean looked_up)
{
	guint full = a;

#ifdef USE_WIDE
	if (self->widest >= 4 && accord_evidence_widest_group() >= 4) {
		const AccordModel *m = self->model;
		const AccordCountryModel *country = &m->countries[c];

		/* blocks of eight positions from a multiple of eight (a chunk holds whole blocks),
		 * the runs of a block outside the piece masked out: none is left to the sums one
		 * run at a time */
		for (full = a - a % 8; full < b; full += full >= a && full + 16 <= b ? 16 : 8) {
			guint i0 = full % ACCORD_CHUNK;
			EightRuns e = {country->kept_sums + 3 * piece->unknown * (gsize)m->n_rules,
				       looked_up ? country->joint_at : NULL,
				       self->values + i0,
				       self->columns + i0,
				       self->by_slot + full,
				       self->by_pillar + full,
				       self->stride,
				       piece->geometric,
				       (__mmask8)(0xffu << (MAX(a, full) - full) &
						  0xffu >> (full + 8 - MIN(b, full + 8)))};
			gdouble *scores = self->by_country + (gsize)c * self->stride + full;

			if (full >= a && full + 16 <= b)
				score_sixteen(m, &e, scores);
			else
				score_eight(m, &e, scores);
		}
		return;
	}
#endif
	if (full < b)
		score_piece(self, c, full, b, piece, looked_up);
}

/* ---- a batch ---- */

/* each position's place among the unknown policies taken, and each block's and each chunk's
 * policies (AccordRun.place_at, AccordRun.blocks, AccordRun.chunk_policies), for whole chunks
 * (nothing past the last run) */
static void
place_policies(AccordRun *self)
{
	guint padded = (guint)accord_round_up(self->n, ACCORD_CHUNK);

	memset(self->place_at, 0, padded * sizeof(guint32));
	memset(self->blocks, 0, padded / 8 * sizeof(AccordBlockPolicies));
	for (guint i = 0; i < self->n; i++) {
		AccordUnknownPolicy p = self->unknown[self->run_at[i]];

		self->place_at[i] = self->model->place[p];
		self->blocks[i / 8].runs[p] |= (guint8)(1u << i % 8);
	}
	memset(self->chunk_policies, 0, padded / ACCORD_CHUNK * sizeof(guint));
	for (guint b = 0; b < padded / 8; b++) {
		self->blocks[b].all = 3;
		for (guint p = 0; p < 3; p++) {
			if (self->blocks[b].runs[p] == 0xff)
				self->blocks[b].all = (guint8)p;
			if (self->blocks[b].runs[p] != 0)
				self->chunk_policies[b / (ACCORD_CHUNK / 8)] |= 1u << p;
		}
	}
}

/* each position's weights into by_slot and by_pillar, and its pillars' Σ w over their rules
 * into pillar_counts: added in slot order from the first rule's, as the AVX2 look-ups add a
 * pillar's counts where all its rules count (add_four_looked_up()), so the same bits */
static void
place_weights(AccordRun *self)
{
	const AccordModel *m = self->model;
	gsize stride = self->stride;

	for (guint i = 0; i < self->n; i++) {
		guint run = self->run_at[i];

		for (guint s = 0; s < m->n_rules; s++)
			self->by_slot[s * stride + i] =
			    self->slot_weights[(gsize)run * m->n_rules + s];
		for (guint p = 0; p < m->n_pillars; p++)
			self->by_pillar[p * stride + i] =
			    self->pillar_weights[(gsize)run * m->n_pillars + p];
	}
	for (guint p = 0; p < m->n_pillars; p++) {
		gdouble *count = self->pillar_counts + p * stride;

		if (m->pillar_slots[p] == m->pillar_slots[p + 1])
			continue;
		memcpy(count,
		       self->by_slot + m->pillar_slots[p] * stride,
		       self->n * sizeof(gdouble));
		for (guint s = m->pillar_slots[p] + 1; s < m->pillar_slots[p + 1]; s++) {
			const gdouble *w = self->by_slot + s * stride;

			for (guint i = 0; i < self->n; i++)
				count[i] += w[i];
		}
	}
}

/* the runs ordered by aggregation, then unknown policy, each group in run order: its
 * position's run in run_at, the groups in pieces; and each position's evidence stream,
 * weights and unknown policy */
static void
place_runs(AccordRun *self)
{
	guint start[7] = {0}, n = self->n;

	for (guint run = 0; run < n; run++)
		start[1 + 3 * self->aggregation[run] + self->unknown[run]]++;
	for (guint k = 1; k < 7; k++)
		start[k] += start[k - 1];
	self->n_pieces = 0;
	for (guint k = 0; k < 6; k++) {
		if (start[k + 1] > start[k])
			self->pieces[self->n_pieces++] =
			    (AccordRunPiece){start[k],
					     start[k + 1],
					     (AccordUnknownPolicy)(k % 3),
					     k / 3 == ACCORD_AGGREGATION_GEOMETRIC};
	}
	for (guint run = 0; run < n; run++)
		self->run_at[start[3 * self->aggregation[run] + self->unknown[run]]++] = run;
	place_policies(self);
	place_weights(self);
	for (guint i = 0; i < n; i++) {
		guint run = self->run_at[i];
		guint32 state[4];

		accord_xoshiro_seed(state, self->evidence[run]);
		for (guint w = 0; w < 4; w++)
			self->rng_state[w * stream_row(self) + i] = state[w];
	}
}

/* each run's scores from by_country into scores (run × country), eight positions and eight
 * countries at a time: the evidence is scored country by country, and a country's scores
 * written where its runs' rows are would touch every row of the batch for each country */
static void
scores_by_run(AccordRun *self)
{
	guint n = self->model->n_countries;

	for (guint a = 0; a < self->n; a += 8) {
		for (guint c0 = 0; c0 < n; c0 += 8) {
			for (guint i = a; i < MIN(a + 8, self->n); i++) {
				gdouble *row = self->scores + (gsize)self->run_at[i] * n;

				for (guint c = c0; c < MIN(c0 + 8, n); c++)
					row[c] = self->by_country[(gsize)c * self->stride + i];
			}
		}
	}
}

/**
 * accord_run_score_evidence:
 * @self: a batch whose runs have drawn every input but the evidence
 *
 * Draws each run's evidence and scores every country in every run: by position in
 * by_country, each country's handed to AccordRun.scored as it is worked out where that is set,
 * then into rows where AccordRun.keep_rows is.
 */
void
accord_run_score_evidence(AccordRun *self)
{
	const AccordModel *m = self->model;
	guint n = self->n;
#ifdef USE_WIDE
	guint widest = MIN(self->widest, accord_evidence_widest_group());
#endif

	place_runs(self);
	for (guint c = 0; c < m->n_countries; c++) {
		for (guint chunk = 0; chunk < n; chunk += ACCORD_CHUNK) {
			guint end = MIN(chunk + ACCORD_CHUNK, n);
			gboolean looked_up = FALSE;

#ifdef USE_WIDE
			looked_up = widest >= 2 && m->countries[c].unit_tables != NULL;
#endif
			draw_numbers(self, &m->countries[c], chunk, end);
#ifdef USE_WIDE
			if (looked_up)
				add_changes_tabled(self, &m->countries[c], chunk, end, widest >= 4);
			else
#endif
				add_changes(self, &m->countries[c], chunk, end);
			for (guint k = 0; k < self->n_pieces; k++) {
				guint a = MAX(self->pieces[k].start, chunk);
				guint b = MIN(self->pieces[k].end, end);

				if (a < b)
					score_runs(self, c, a, b, &self->pieces[k], looked_up);
			}
		}
		if (self->scored != NULL)
			self->scored(self->scored_data,
				     c,
				     self->by_country + (gsize)c * self->stride,
				     n);
	}
	if (self->keep_rows)
		scores_by_run(self);
}
