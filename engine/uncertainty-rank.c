#include "config.h"

#include <math.h>
#include <string.h>
/* on x86-64 with GCC or clang, where the processor has AVX-512, a draw's countries are sorted
 * with a sorting network on vectors of eight (functions built for AVX-512, picked at run time) */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(ACCORD_NO_SIMD)
#define USE_WIDE 1
#include <immintrin.h>
#endif

#include "uncertainty-private.h"

/* A run's ranking: its countries' competition ranks (1, 2, 2, 4) and average ranks, as
 * engine/rank.c ranks scores, and Spearman's rho against the nominal ranking */

/* two scores closer than this are a tie, as in engine/rank.c */
#define TIE_EPSILON 1e-9

/* best first (scores within 1e-9 tied, then by country order: code order), for two scores
 * that are not n/a; a country nothing applies to comes after every other */
static inline gboolean
before(gdouble sa, guint a, gdouble sb, guint b)
{
	return fabs(sa - sb) > TIE_EPSILON ? sa > sb : a < b;
}

static gboolean
same_score(gdouble a, gdouble b)
{
	if (isnan(a) || isnan(b))
		return isnan(a) && isnan(b);
	return fabs(a - b) <= TIE_EPSILON;
}

/* bucket 0 holds the best scores (@top), ACCORD_RANK_BUCKETS − 1 the worst (@scale:
 * ACCORD_RANK_BUCKETS − 1 over the range, or 0 when the scores are all within 1e-9),
 * ACCORD_RANK_BUCKETS the n/a */
static guint
bucket_of(gdouble score, gdouble top, gdouble scale)
{
	if (isnan(score))
		return ACCORD_RANK_BUCKETS;
	return (guint)((top - score) * scale);
}

/* the highest of @n scores and (@bottom) the lowest, n/a left out (−G_MAXDOUBLE and
 * G_MAXDOUBLE when every one is n/a), four running maxima and minima side by side */
static gdouble
range_of(const gdouble *scores, guint n, gdouble *bottom)
{
	gdouble top[4] = {-G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE};
	gdouble low[4] = {G_MAXDOUBLE, G_MAXDOUBLE, G_MAXDOUBLE, G_MAXDOUBLE};
	guint c = 0;

	for (; c + 4 <= n; c += 4) {
		for (guint k = 0; k < 4; k++) {
			top[k] = scores[c + k] > top[k] ? scores[c + k] : top[k];
			low[k] = scores[c + k] < low[k] ? scores[c + k] : low[k];
		}
	}
	for (; c < n; c++) {
		top[0] = scores[c] > top[0] ? scores[c] : top[0];
		low[0] = scores[c] < low[0] ? scores[c] : low[0];
	}
	*bottom = MIN(MIN(low[0], low[1]), MIN(low[2], low[3]));
	return MAX(MAX(top[0], top[1]), MAX(top[2], top[3]));
}

/* the countries best first: a stable counting sort into buckets (so each bucket is in country
 * order), then insertion sort, which only moves countries within their bucket or across the
 * edge of one for scores within 1e-9. Each country's bucket is worked out once */
static void
sort_countries(AccordRun *self, const gdouble *scores, guint n)
{
	guint *restrict order = self->order, *restrict start = self->buckets;
	guint *restrict bucket = self->positions; /* free until the ranks are set */

	gdouble top, bottom, scale;

	/* the buckets span the run's scores (a comparison with NaN is false, so n/a is left out);
	 * four of each, so that the comparisons do not wait for one another (the highest and
	 * lowest are the same whatever the grouping) */
	top = range_of(scores, n, &bottom);
	scale = top - bottom > TIE_EPSILON ? (ACCORD_RANK_BUCKETS - 1) / (top - bottom) : 0;
	memset(start, 0, (ACCORD_RANK_BUCKETS + 2) * sizeof(guint));
	for (guint c = 0; c < n; c++) {
		bucket[c] = bucket_of(scores[c], top, scale);
		start[bucket[c] + 1]++;
	}
	/* each bucket's first place: the sum kept in a register, not read back from the bucket
	 * just written */
	for (guint b = 1, sum = 0; b <= ACCORD_RANK_BUCKETS + 1; b++) {
		sum += start[b];
		start[b] = sum;
	}
	for (guint c = 0; c < n; c++)
		order[start[bucket[c]]++] = c;
	/* the n/a countries are last, in country order, where they stay. The country before the
	 * next one (@last) is kept in registers, so that the comparison (which rarely moves it)
	 * does not wait for what the last step stored: after a move it is still the one before */
	for (guint i = 1, last = order[0]; i < n && !isnan(scores[order[i]]); i++) {
		guint x = order[i], j = i;
		gdouble s = scores[x];

		if (!before(s, x, scores[last], last)) {
			last = x;
			continue;
		}
		do {
			order[j] = order[j - 1];
			j--;
		} while (j > 0 && before(s, x, scores[order[j - 1]], order[j - 1]));
		order[j] = x;
	}
}

#ifdef USE_WIDE
/* ---- a sorting network, eight countries a register ----
 *
 * Where the processor has AVX-512, up to 256 countries are sorted with Batcher's bitonic
 * network (Knuth, TAOCP vol. 3, 5.3.4) on keys made from their scores: each key is the score's
 * bits with its last byte 255 less the country, a double that orders as the score does (for
 * the finite scores of 0 to 100 points, up to a change of 255 units in the last place, far
 * within 1e-9), the lower country first among equal bits, and every key distinct. No branch
 * depends on a score. The sorted countries are then checked: where each score is more than
 * 1e-9 above the next, no two are tied and the order is the only one the comparison sort could
 * give, so the ranks are the places; scores within 1e-9 of the next are made ties where the
 * comparison sort would tie them alike (rank_ties()). Otherwise (n/a, a chain of ties that
 * spans more than 1e-9, an order the last bytes changed) the comparison sort ranks the run, as
 * it does where the network is not used: the same ranks either way. In bench-uncertainty's
 * draws (200 countries, about half of the draws with a tie) the network's ranking took a third
 * less time than the comparison sort's, whose branches on scores are mispredicted, and half
 * once it merged every run the same way round and left out the registers past the countries */

#define WIDE_MAX 256

/* each of eight keys paired with the one @j lanes away (1, 2 or 4) */
static inline __m512d __attribute__((target("avx512f"), always_inline))
lane_partner(__m512d v, guint j)
{
	if (j == 1)
		return _mm512_permutex_pd(v, 0xb1);
	if (j == 2)
		return _mm512_permutex_pd(v, 0x4e);
	return _mm512_shuffle_f64x2(v, v, 0x4e);
}

/* one stage of the network within a register: each lane keeps the larger of itself and its
 * partner @j lanes away, or the smaller where @smaller has its bit */
static inline __m512d __attribute__((target("avx512f"), always_inline))
lane_stage(__m512d v, guint j, __mmask8 smaller)
{
	__m512d t = lane_partner(v, j);

	return _mm512_mask_min_pd(_mm512_max_pd(v, t), smaller, v, t);
}

/* lanes with bit @j of their place set (j = 1, 2, 4): in each pair, the second */
#define LANES_1 0xaa
#define LANES_2 0xcc
#define LANES_4 0xf0

/* the last three stages of a merge, within a register, largest first */
static inline __m512d __attribute__((target("avx512f"), always_inline)) merge_register(__m512d v)
{
	v = lane_stage(v, 4, LANES_4);
	v = lane_stage(v, 2, LANES_2);
	return lane_stage(v, 1, LANES_1);
}

/* a register's eight keys sorted largest first: the bitonic network's first two merges, each
 * pair and quadruple of lanes every other one the other way round (a mask), then the last */
static inline __m512d __attribute__((target("avx512f"), always_inline)) sort_register(__m512d v)
{
	v = lane_stage(v, 1, LANES_1 ^ LANES_2);
	v = lane_stage(v, 2, LANES_2 ^ LANES_4);
	v = lane_stage(v, 1, LANES_1 ^ LANES_4);
	return merge_register(v);
}

/* registers @a and @b compared lane by lane: the larger keys to @a */
static inline void __attribute__((target("avx512f"), always_inline))
exchange(__m512d *x, guint a, guint b)
{
	__m512d high = _mm512_max_pd(x[a], x[b]), low = _mm512_min_pd(x[a], x[b]);

	x[a] = high;
	x[b] = low;
}

/* the @n_vec registers of keys (a power of two, at most 32), of which those from @used on hold
 * only −∞, sorted largest first: each register sorted, then merged in runs of 2, 4 …
 * registers, every run the same way (a run's first step compares each register of its first
 * half with the mirror image of its counterpart in the second, the next steps registers half
 * as far apart, the last three within registers). Every comparison puts the larger key first,
 * so a register of −∞ after the keys never takes one: those comparisons are left out */
static void __attribute__((target("avx512f")))
sort_keys(__m512d *restrict x, guint n_vec, guint used)
{
	const __m512i mirror = _mm512_setr_epi64(7, 6, 5, 4, 3, 2, 1, 0);

	for (guint a = 0; a < used; a++)
		x[a] = sort_register(x[a]);
	for (guint run = 2; run <= n_vec; run <<= 1) {
		for (guint first = 0; first < used; first += run) {
			/* from the middle out, so that the first counterpart past the keys ends it
			 */
			for (guint a = first + run / 2 - 1, b = first + run / 2;
			     b < first + run && b < used;
			     a--, b++) {
				__m512d other = _mm512_permutexvar_pd(mirror, x[b]);

				x[b] = _mm512_permutexvar_pd(mirror, _mm512_min_pd(x[a], other));
				x[a] = _mm512_max_pd(x[a], other);
			}
		}
		for (guint j = run / 4; j > 0; j /= 2) {
			for (guint first = 0; first < used; first += 2 * j) {
				for (guint a = first; a < first + j && a + j < used; a++)
					exchange(x, a, a + j);
			}
		}
		for (guint a = 0; a < used; a++)
			x[a] = merge_register(x[a]);
	}
}

/* the lanes of register @a that hold one of @n entries */
static inline __mmask8
lanes_held(guint a, guint n)
{
	if (8 * a >= n)
		return 0;
	return n - 8 * a >= 8 ? 0xff : (__mmask8)((1u << (n - 8 * a)) - 1);
}

/* the first place from @from on whose score is within 1e-9 of the next's (a bit of @links),
 * or @n */
static guint
next_link(const guint64 *links, guint from, guint n)
{
	for (guint w = from / 64; 64 * w < n; w++) {
		guint64 bits = links[w] & (w == from / 64 ? ~G_GUINT64_CONSTANT(0) << from % 64
							  : ~G_GUINT64_CONSTANT(0));

		if (bits != 0)
			return MIN(64 * w + (guint)__builtin_ctzll(bits), n);
	}
	return n;
}

/* whether place @i's score is within 1e-9 of the next's (its bit of @links) */
static inline gboolean
linked(const guint64 *links, guint i)
{
	return links[i / 64] >> i % 64 & 1;
}

/* the places of a sorted run (@sorted: their scores, @country: their countries) that are
 * within 1e-9 of the next (@links) made ties: each tie, places p to q, ranked p + 1 (average
 * rank (p + q + 2) / 2) where the comparison sort would tie them and rank them so. That holds
 * where every tie's scores are within 1e-9 of one another and more than 1e-9 above every
 * later place's and below every earlier one's (the comparison is then an order: by score
 * but within a tie by country, and each tie is a run of it). FALSE where one is not so */
static gboolean
rank_ties(AccordRun *self,
	  const gdouble *sorted,
	  const guint64 *country,
	  const guint64 *links,
	  guint n,
	  gboolean average)
{
	/* the lowest score of the last tie and its last place, for a tie just after it */
	gdouble above = G_MAXDOUBLE;
	guint last = G_MAXUINT;

	for (guint p = next_link(links, 0, n); p < n; p = next_link(links, p + 1, n)) {
		guint q = p;
		gdouble low = sorted[p], high = sorted[p];

		while (q + 1 < n && linked(links, q))
			q++;
		for (guint k = p + 1; k <= q; k++) {
			low = MIN(low, sorted[k]);
			high = MAX(high, sorted[k]);
		}
		above = last + 1 == p ? above : p > 0 ? sorted[p - 1] : G_MAXDOUBLE;
		if (high - low > TIE_EPSILON || (p > 0 && !(above - high > TIE_EPSILON)))
			return FALSE;
		/* a later tie checks itself against this one's lowest */
		if (q + 1 < n && !linked(links, q + 1) && !(low - sorted[q + 1] > TIE_EPSILON))
			return FALSE;
		for (guint k = p; k <= q; k++) {
			self->positions[country[k]] = p + 1;
			if (average)
				self->ranks[country[k]] = (p + 1 + q + 1) / 2.0;
		}
		above = low;
		last = q;
		p = q;
	}
	return TRUE;
}

/* rank_scores() by the network, for 2 to WIDE_MAX countries: FALSE where a score is not finite
 * or rank_ties() finds ties the comparison sort might make otherwise (some ranks then
 * written, which it writes again) */
static gboolean __attribute__((target("avx512f")))
rank_wide(AccordRun *self, const gdouble *scores, guint n, gboolean average)
{
	__m512d x[WIDE_MAX / 8];
	guint64 country[WIDE_MAX] __attribute__((aligned(64)));
	gdouble sorted[WIDE_MAX + 8] __attribute__((aligned(64)));
	guint64 links[WIDE_MAX / 64] = {0}, any = 0;
	const __m512i byte = _mm512_set1_epi64(0xff),
		      lane = _mm512_set_epi64(7, 6, 5, 4, 3, 2, 1, 0);
	guint n_vec = 1;
	__mmask8 odd = 0;

	while (8 * n_vec < n)
		n_vec *= 2;
	for (guint a = 0; a < n_vec; a++) {
		__mmask8 held = lanes_held(a, n);
		__m512d s = _mm512_maskz_loadu_pd(held, scores + 8 * a);
		__m512i c = _mm512_add_epi64(_mm512_set1_epi64(8 * a), lane);

		odd |= _mm512_mask_cmp_pd_mask(held,
					       _mm512_abs_pd(s),
					       _mm512_set1_pd(G_MAXDOUBLE),
					       _CMP_NLE_UQ);
		/* the score's bits but the last byte, which is 255 − c; the places past the
		 * countries −∞, which sort last */
		x[a] = _mm512_mask_mov_pd(
		    _mm512_set1_pd(-INFINITY),
		    held,
		    _mm512_castsi512_pd(_mm512_ternarylogic_epi64(_mm512_castpd_si512(s),
								  byte,
								  _mm512_xor_si512(c, byte),
								  0xb8)));
	}
	if (odd != 0)
		return FALSE;
	sort_keys(x, n_vec, (n + 7) / 8);
	/* each place's country and score; each score against the next */
	for (guint a = 0; a < n_vec; a++) {
		__m512i c = _mm512_andnot_si512(_mm512_castpd_si512(x[a]), byte);

		_mm512_store_si512(country + 8 * a, c);
		_mm512_store_pd(
		    sorted + 8 * a,
		    _mm512_mask_i64gather_pd(_mm512_setzero_pd(), lanes_held(a, n), c, scores, 8));
	}
	for (guint i = 0; i + 1 < n; i += 8) {
		/* places i to i + 7 that have a next place */
		__mmask8 pairs = lanes_held(0, n - 1 - i);
		__m512d gap =
		    _mm512_load_pd(sorted + i) - _mm512_maskz_loadu_pd(pairs, sorted + i + 1);
		guint64 near =
		    _mm512_mask_cmp_pd_mask(pairs, gap, _mm512_set1_pd(TIE_EPSILON), _CMP_NGT_UQ);

		links[i / 64] |= near << i % 64;
		any |= near;
	}
	/* the ranks where no two are tied: the places */
	for (guint a = 0; a < n_vec; a++) {
		__m256i place =
		    _mm512_cvtepi64_epi32(_mm512_add_epi64(_mm512_set1_epi64(8 * a + 1), lane));
		__mmask8 held = lanes_held(a, n);
		__m512i c = _mm512_load_si512(country + 8 * a);

		_mm512_mask_i64scatter_epi32(self->positions, held, c, place, 4);
		if (average)
			_mm512_mask_i64scatter_pd(self->ranks,
						  held,
						  c,
						  _mm512_cvtepi32_pd(place),
						  8);
	}
	return any == 0 || rank_ties(self, sorted, country, links, n, average);
}

/* ---- the same network, four countries a register, with AVX2 ----
 *
 * Where the processor has AVX2 and not AVX-512, the same network on registers of four keys:
 * the same comparisons of the same keys, so the same order (every key is distinct), checked
 * and ranked as rank_wide() ranks */

/* each of four keys paired with the one @j lanes away (1 or 2) */
static inline __m256d __attribute__((target("avx2"), always_inline))
lane_partner_four(__m256d v, guint j)
{
	if (j == 1)
		return _mm256_permute_pd(v, 0x5);
	return _mm256_permute4x64_pd(v, 0x4e);
}

/* lane_stage() of four keys: @smaller (a constant) has a bit for each lane that keeps the
 * smaller */
#define LANE_STAGE_FOUR(v, j, smaller)                                                             \
	_mm256_blend_pd(_mm256_max_pd((v), lane_partner_four((v), (j))),                           \
			_mm256_min_pd((v), lane_partner_four((v), (j))),                           \
			(smaller))

/* the last two stages of a merge, within a register, largest first */
static inline __m256d __attribute__((target("avx2"), always_inline)) merge_register_four(__m256d v)
{
	v = LANE_STAGE_FOUR(v, 2, 0xc);
	return LANE_STAGE_FOUR(v, 1, 0xa);
}

/* a register's four keys sorted largest first: the pairs each the other way round, then
 * merged */
static inline __m256d __attribute__((target("avx2"), always_inline)) sort_register_four(__m256d v)
{
	v = LANE_STAGE_FOUR(v, 1, 0x6);
	return merge_register_four(v);
}

/* exchange() of registers of four */
static inline void __attribute__((target("avx2"), always_inline))
exchange_four(__m256d *x, guint a, guint b)
{
	__m256d high = _mm256_max_pd(x[a], x[b]);

	x[b] = _mm256_min_pd(x[a], x[b]);
	x[a] = high;
}

/* sort_keys() on registers of four (@n_vec at most 64) */
static void __attribute__((target("avx2")))
sort_keys_four(__m256d *restrict x, guint n_vec, guint used)
{
	for (guint a = 0; a < used; a++)
		x[a] = sort_register_four(x[a]);
	for (guint run = 2; run <= n_vec; run <<= 1) {
		for (guint first = 0; first < used; first += run) {
			for (guint a = first + run / 2 - 1, b = first + run / 2;
			     b < first + run && b < used;
			     a--, b++) {
				__m256d other = _mm256_permute4x64_pd(x[b], 0x1b);

				x[b] = _mm256_permute4x64_pd(_mm256_min_pd(x[a], other), 0x1b);
				x[a] = _mm256_max_pd(x[a], other);
			}
		}
		for (guint j = run / 4; j > 2; j /= 2) {
			for (guint first = 0; first < used; first += 2 * j) {
				for (guint a = first; a < first + j && a + j < used; a++)
					exchange_four(x, a, a + j);
			}
		}
		/* registers two and one apart in loops of their own, whose runs of one or two
		 * exchanges would otherwise take more loop than exchange */
		for (guint first = 0; run >= 8 && first + 2 < used; first += 4) {
			exchange_four(x, first, first + 2);
			if (first + 3 < used)
				exchange_four(x, first + 1, first + 3);
		}
		for (guint a = 0; run >= 4 && a + 1 < used; a += 2)
			exchange_four(x, a, a + 1);
		for (guint a = 0; a < used; a++)
			x[a] = merge_register_four(x[a]);
	}
}

/* rank_wide() with registers of four */
static gboolean __attribute__((target("avx2")))
rank_wide_four(AccordRun *self, const gdouble *scores, guint n, gboolean average)
{
	__m256d x[WIDE_MAX / 4];
	guint64 country[WIDE_MAX] __attribute__((aligned(32)));
	gdouble sorted[WIDE_MAX + 4] __attribute__((aligned(32)));
	guint64 links[WIDE_MAX / 64] = {0}, any = 0;
	const __m256i byte = _mm256_set1_epi64x(0xff), lane = _mm256_setr_epi64x(0, 1, 2, 3);
	const __m256d most = _mm256_set1_pd(G_MAXDOUBLE), sign = _mm256_set1_pd(-0.0);
	guint n_vec = 1, used = (n + 3) / 4, odd = 0;

	while (4 * n_vec < n)
		n_vec *= 2;
	for (guint a = 0; a < used; a++) {
		guint in = MIN(4, n - 4 * a);
		__m256i held = _mm256_cmpgt_epi64(_mm256_set1_epi64x(in), lane);
		__m256d s = _mm256_maskload_pd(scores + 4 * a, held);
		__m256i c = _mm256_add_epi64(_mm256_set1_epi64x(4 * a), lane);
		__m256i key = _mm256_or_si256(_mm256_andnot_si256(byte, _mm256_castpd_si256(s)),
					      _mm256_xor_si256(c, byte));

		odd |= (guint)_mm256_movemask_pd(
		    _mm256_and_pd(_mm256_cmp_pd(_mm256_andnot_pd(sign, s), most, _CMP_NLE_UQ),
				  _mm256_castsi256_pd(held)));
		/* the places past the countries −∞, which sort last */
		x[a] = _mm256_blendv_pd(_mm256_set1_pd(-INFINITY),
					_mm256_castsi256_pd(key),
					_mm256_castsi256_pd(held));
	}
	if (odd != 0)
		return FALSE;
	for (guint a = used; a < n_vec; a++)
		x[a] = _mm256_set1_pd(-INFINITY);
	sort_keys_four(x, n_vec, used);
	for (guint a = 0; a < used; a++)
		_mm256_store_si256((__m256i *)(country + 4 * a),
				   _mm256_andnot_si256(_mm256_castpd_si256(x[a]), byte));
	for (guint i = 0; i < n; i++)
		sorted[i] = scores[country[i]];
	for (guint i = n; i < n + 4; i++)
		sorted[i] = 0;
	for (guint i = 0; i + 1 < n; i += 4) {
		__m256d gap = _mm256_loadu_pd(sorted + i) - _mm256_loadu_pd(sorted + i + 1);
		guint64 near = (guint)_mm256_movemask_pd(
				   _mm256_cmp_pd(gap, _mm256_set1_pd(TIE_EPSILON), _CMP_NGT_UQ)) &
			       (0xfu >> (4 - MIN(4, n - 1 - i)));

		links[i / 64] |= near << i % 64;
		any |= near;
	}
	/* the ranks where no two are tied: the places */
	for (guint i = 0; i < n; i++) {
		self->positions[country[i]] = i + 1;
		if (average)
			self->ranks[country[i]] = i + 1;
	}
	return any == 0 || rank_ties(self, sorted, country, links, n, average);
}
#endif

/**
 * accord_run_rank_network:
 * @self: a batch
 * @scores: (array): one run's scores, by country (NAN: n/a)
 * @average: also compute average ranks
 *
 * Ranks @scores as accord_run_rank() does, with the sorting network where there are 2 to 256
 * countries and the batch's width (AccordRun.widest) and the processor allow it: on registers
 * of eight with AVX-512 (widest 4), of four with AVX2 (widest 2 or more), for scores it can rank
 * (see rank_wide()).
 *
 * Returns: %FALSE where it could not, the ranks then unset or partly set
 */
gboolean
accord_run_rank_network(AccordRun *self, const gdouble *scores, gboolean average)
{
	guint n = self->model->n_countries, widest = self->widest;

#ifdef USE_WIDE
	if (n >= 2 && n <= WIDE_MAX && widest >= 4 && accord_evidence_widest_group() >= 4)
		return rank_wide(self, scores, n, average);
	if (n >= 2 && n <= WIDE_MAX && widest >= 2 && accord_evidence_widest_group() >= 2)
		return rank_wide_four(self, scores, n, average);
#endif
	(void)scores;
	(void)average;
	(void)n;
	(void)widest;
	return FALSE;
}

/* ranks @scores (one run's, by country) as engine/rank.c does: competition ranking (1, 2,
 * 2, 4), scores within 1e-9 tied; with @average, also average ranks */
static void
rank_scores(AccordRun *self, const gdouble *scores, gboolean average)
{
	guint n = self->model->n_countries, start = 0;
	const guint *order = self->order;

	gboolean tied = FALSE; /* with the country before */

	if (accord_run_rank_network(self, scores, average))
		return;
	sort_countries(self, scores, n);
	for (guint i = 0; i < n; i++) {
		guint x = order[i];
		gboolean tied_next = i + 1 < n && same_score(scores[x], scores[order[i + 1]]);

		self->positions[x] = tied ? self->positions[order[i - 1]] : i + 1;
		tied = tied_next;
		if (!average || tied_next)
			continue;
		/* positions start + 1 … i + 1 are one tie: each gets their mean */
		for (guint j = start; j <= i; j++)
			self->ranks[order[j]] = (start + 1 + i + 1) / 2.0;
		start = i + 1;
	}
}

/**
 * accord_run_rank:
 * @self: a batch that has drawn, its scores in rows (AccordRun.in_rows)
 * @run: which run
 * @average: also compute average ranks (for Spearman's rho)
 *
 * Ranks the countries of one run as engine/rank.c does: competition ranking (1, 2, 2, 4),
 * scores within 1e-9 tied.
 */
void
accord_run_rank(AccordRun *self, guint run, gboolean average)
{
	rank_scores(self, self->scores + (gsize)run * self->model->n_countries, average);
}

#ifdef USE_WIDE
/* the scores of the eight positions of @block for countries 8 at a time, as
 * accord_run_rank_position() copies them one by one: eight lines (a country's eight
 * positions each) transposed in registers into eight columns' pieces (eight countries' score
 * at a position each). Returns how many countries it did: a multiple of 8 (positions past
 * the batch's last run are copied as 0, and never read) */
static guint __attribute__((target("avx512f"))) transpose_lines(AccordRun *self, guint block)
{
	guint n = self->model->n_countries, c = 0;
	/* the pairs of two rows' interleaved elements that make a half row: low and high */
	const __m512i pairs_low = _mm512_setr_epi64(0, 1, 8, 9, 4, 5, 12, 13);
	const __m512i pairs_high = _mm512_setr_epi64(2, 3, 10, 11, 6, 7, 14, 15);
	const __m512i halves_low = _mm512_setr_epi64(0, 1, 2, 3, 8, 9, 10, 11);
	const __m512i halves_high = _mm512_setr_epi64(4, 5, 6, 7, 12, 13, 14, 15);

	/* the block's positions that hold a run: the others may be past a country's scores */
	__mmask8 held = (__mmask8)(0xffu >> (8 - MIN(8, self->n - 8 * block)));

	for (; c + 8 <= n; c += 8) {
		__m512d line[8], t[8], u[8];

		for (guint i = 0; i < 8; i++)
			line[i] = _mm512_maskz_loadu_pd(
			    held,
			    self->by_country + (gsize)(c + i) * self->stride + 8 * block);
		/* t[2i], t[2i + 1]: lines 2i and 2i + 1 interleaved, even and odd positions */
		for (guint i = 0; i < 4; i++) {
			t[2 * i] = _mm512_unpacklo_pd(line[2 * i], line[2 * i + 1]);
			t[2 * i + 1] = _mm512_unpackhi_pd(line[2 * i], line[2 * i + 1]);
		}
		/* u[4h + j]: four lines (4h to 4h + 3) at positions j and j + 4 (j = 0, 2, 1, 3) */
		for (guint h = 0; h < 2; h++) {
			u[4 * h] = _mm512_permutex2var_pd(t[4 * h], pairs_low, t[4 * h + 2]);
			u[4 * h + 1] = _mm512_permutex2var_pd(t[4 * h], pairs_high, t[4 * h + 2]);
			u[4 * h + 2] =
			    _mm512_permutex2var_pd(t[4 * h + 1], pairs_low, t[4 * h + 3]);
			u[4 * h + 3] =
			    _mm512_permutex2var_pd(t[4 * h + 1], pairs_high, t[4 * h + 3]);
		}
		/* position k's eight countries: u[j] and u[4 + j], low or high halves */
		for (guint j = 0; j < 4; j++) {
			/* u[0]: positions 0 and 4, u[1]: 2 and 6, u[2]: 1 and 5, u[3]: 3 and 7 */
			guint k = (j & 1) * 2 + (j >> 1);

			_mm512_storeu_pd(self->column + (gsize)k * n + c,
					 _mm512_permutex2var_pd(u[j], halves_low, u[4 + j]));
			_mm512_storeu_pd(self->column + (gsize)(k + 4) * n + c,
					 _mm512_permutex2var_pd(u[j], halves_high, u[4 + j]));
		}
	}
	return c;
}
#endif

/**
 * accord_run_rank_position:
 * @self: a batch that has drawn, its scores by position (AccordRun.in_rows %FALSE)
 * @pos: which position
 * @average: also compute average ranks (for Spearman's rho)
 *
 * accord_run_rank() for the run at position @pos, its scores read from by_country, eight
 * positions (a cache line of each country's) at a time: rank a block's positions together.
 */
void
accord_run_rank_position(AccordRun *self, guint pos, gboolean average)
{
	guint n = self->model->n_countries, block = pos / 8;

	/* the scores of the eight positions of @pos's block, a column each, from one cache line
	 * of each country's */
	if (self->column_block != block + 1) {
		guint c = 0;

#ifdef USE_WIDE
		if (self->widest >= 4 && accord_evidence_widest_group() >= 4)
			c = transpose_lines(self, block);
#endif
		for (; c < n; c++) {
			const gdouble *line =
			    self->by_country + (gsize)c * self->stride + 8 * block;

			for (guint k = 0; k < MIN(8, self->n - 8 * block); k++)
				self->column[(gsize)k * n + c] = line[k];
		}
		self->column_block = block + 1;
	}
	rank_scores(self, self->column + (gsize)(pos % 8) * n, average);
}

/**
 * accord_run_spearman:
 * @self: a batch whose last accord_run_rank() computed average ranks
 *
 * Spearman's rho between that ranking and the nominal one: Pearson's correlation of the
 * average ranks. Average ranks of n countries always sum to n(n + 1)/2, so both means are
 * (n + 1)/2; every rank less its mean is a multiple of ½, so the sums of products below are
 * exact in double precision and rho has a single rounding. NAN when every country is tied.
 *
 * Returns: rho
 */
gdouble
accord_run_spearman(const AccordRun *self)
{
	const AccordModel *m = self->model;
	guint n = m->n_countries;
	gdouble mean = (n + 1) / 2.0, cross = 0, squares = 0, nominal_squares = 0;
	/* eight partial sums of each, which the compiler keeps in one register: every sum is
	 * exact, so the order of the additions changes nothing */
	gdouble part[3][8] = {{0}};
	guint c = 0;

	for (; c + 8 <= n; c += 8) {
		for (guint k = 0; k < 8; k++) {
			gdouble x = self->ranks[c + k] - mean, y = m->nominal_ranks[c + k] - mean;

			part[0][k] += x * y;
			part[1][k] += x * x;
			part[2][k] += y * y;
		}
	}
	for (; c < n; c++) {
		gdouble x = self->ranks[c] - mean, y = m->nominal_ranks[c] - mean;

		part[0][0] += x * y;
		part[1][0] += x * x;
		part[2][0] += y * y;
	}
	for (guint k = 0; k < 8; k++) {
		cross += part[0][k];
		squares += part[1][k];
		nominal_squares += part[2][k];
	}
	return cross / sqrt(squares * nominal_squares);
}

/* the nominal scores, ranked */
void
accord_model_rank_nominal(AccordModel *self)
{
	g_autoptr(AccordRun) run = accord_run_new(self, 1);

	for (guint c = 0; c < self->n_countries; c++)
		run->scores[c] = self->countries[c].nominal;
	accord_run_rank(run, 0, TRUE);
	self->nominal_positions = g_memdup2(run->positions, self->n_countries * sizeof(guint));
	self->nominal_ranks = g_memdup2(run->ranks, self->n_countries * sizeof(gdouble));
}
