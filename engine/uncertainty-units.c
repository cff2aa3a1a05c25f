#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "uncertainty-private.h"

/* The units of a country (uncertainty-private.h): its selected criteria grouped with the
 * uncertain facts they read, so that a draw turns the changed facts into rule sums with a
 * few table look-ups. Criteria that share a fact join one unit while its joint states stay
 * few; every criterion is in exactly one unit, so the units' deltas add up to the change of
 * every rule. Built from the criteria's outcome tables (uncertainty-model.c) */

/* units merge while their facts take at most this many joint states; a criterion whose own
 * facts take more (up to the model's limit) is a unit of its own */
#define UNIT_STATES 1024

typedef struct {
	GArray *criteria; /* guint: selected criterion indices */
	GArray *facts;	  /* guint: fact indices, ascending */
	guint64 n_states;
} Unit;

static void
unit_free(Unit *u)
{
	if (u == NULL)
		return;
	g_array_unref(u->criteria);
	g_array_unref(u->facts);
	g_free(u);
}

static guint
fact_states(const AccordCountryModel *country, guint fact)
{
	return 2 + country->info[fact].n_neighbours;
}

/* the facts marked, ascending, and their joint states (at most G_MAXUINT32 + 1: beyond, a
 * merge is out of the question) */
static Unit *
unit_from_marks(const AccordCountryModel *country, guint8 *mark)
{
	Unit *u = g_new0(Unit, 1);

	u->criteria = g_array_new(FALSE, FALSE, sizeof(guint));
	u->facts = g_array_new(FALSE, FALSE, sizeof(guint));
	u->n_states = 1;
	for (guint f = 0; f < country->n_facts; f++) {
		if (!mark[f])
			continue;
		mark[f] = 0;
		g_array_append_val(u->facts, f);
		u->n_states = MIN(u->n_states * fact_states(country, f), (guint64)G_MAXUINT32 + 1);
	}
	return u;
}

static void
mark_criterion(const AccordCountryModel *country, guint criterion, guint8 *mark)
{
	const AccordCriterionHot *hot = &country->criteria[criterion];

	for (guint j = 0; j < hot->n_refs; j++)
		mark[country->refs[hot->refs + j].fact] = 1;
}

/* criterion @c joins the units that hold its facts when together they stay small (or no
 * larger than the largest of them), else it is a unit of its own */
static void
place_criterion(const AccordCountryModel *country,
		guint c,
		GPtrArray *units,
		gint *owner,
		guint8 *mark)
{
	const AccordCriterionHot *hot = &country->criteria[c];
	g_autoptr(GArray) joined = g_array_new(FALSE, FALSE, sizeof(guint));
	guint64 largest = hot->n_states;
	gboolean alone = FALSE;
	Unit *u;

	for (guint j = 0; j < hot->n_refs; j++) {
		gint o = owner[country->refs[hot->refs + j].fact];
		guint k = 0;

		while (o >= 0 && k < joined->len && g_array_index(joined, guint, k) != (guint)o)
			k++;
		if (o >= 0 && k == joined->len) {
			g_array_append_val(joined, o);
			largest = MAX(largest, ((Unit *)g_ptr_array_index(units, o))->n_states);
		}
	}
	mark_criterion(country, c, mark);
	for (guint k = 0; k < joined->len; k++) {
		Unit *other = g_ptr_array_index(units, g_array_index(joined, guint, k));

		for (guint i = 0; i < other->facts->len; i++)
			mark[g_array_index(other->facts, guint, i)] = 1;
	}
	u = unit_from_marks(country, mark);
	if (u->n_states > MAX(UNIT_STATES, largest)) {
		unit_free(u);
		mark_criterion(country, c, mark);
		u = unit_from_marks(country, mark);
		g_array_set_size(joined, 0);
		alone = TRUE;
	}
	for (guint k = 0; k < joined->len; k++) {
		guint index = g_array_index(joined, guint, k);
		Unit *other = g_ptr_array_index(units, index);

		g_array_append_vals(u->criteria, other->criteria->data, other->criteria->len);
		unit_free(other);
		g_ptr_array_index(units, index) = NULL;
	}
	g_array_append_val(u->criteria, c);
	g_ptr_array_add(units, u);
	for (guint i = 0; i < u->facts->len; i++) {
		guint f = g_array_index(u->facts, guint, i);

		/* a unit of its own leaves its facts to the units that hold them */
		if (!alone || owner[f] < 0)
			owner[f] = (gint)units->len - 1;
	}
}

/* the criteria grouped into units, in the order they were made */
static GPtrArray *
group_criteria(const AccordModel *m, const AccordCountryModel *country)
{
	GPtrArray *units = g_ptr_array_new();
	g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func((GDestroyNotify)unit_free);
	g_autofree gint *owner = g_new(gint, MAX(country->n_facts, 1));
	g_autofree guint8 *mark = g_new0(guint8, MAX(country->n_facts, 1));

	for (guint f = 0; f < country->n_facts; f++)
		owner[f] = -1;
	for (guint c = 0; c < m->n_criteria; c++) {
		if (country->criteria[c].n_refs > 0)
			place_criterion(country, c, units, owner, mark);
	}
	for (guint i = 0; i < units->len; i++) {
		if (g_ptr_array_index(units, i) != NULL)
			g_ptr_array_add(kept, g_ptr_array_index(units, i));
	}
	g_ptr_array_unref(units);
	return g_steal_pointer(&kept);
}

/* ---- each unit state's deltas ---- */

/* a unit's criteria of one rule, summed: see AccordRuleDelta */
typedef struct {
	gdouble numerator;
	gdouble denominator;
	gdouble unknown_weight;
	gint known;
	gint unknown;
} Terms;

typedef struct {
	const AccordModel *model;
	const AccordCountryModel *country;
	const Unit *unit;
	guint *place;	/* by fact: its stride in the unit */
	GArray *slots;	/* guint: the slots of the unit's criteria, ascending */
	Terms *kept;	/* by slot: with every fact kept */
	Terms *now;	/* by slot: in the state being worked out */
	GArray *deltas; /* AccordRuleDelta */
	GArray *starts; /* guint32: each unit state's first delta */
} Builder;

/* the outcome of criterion @c in unit state @s */
static gdouble
unit_outcome(const Builder *b, guint c, guint64 s)
{
	const AccordCriterionHot *hot = &b->country->criteria[c];
	guint index = 0;

	for (guint j = 0; j < hot->n_refs; j++) {
		const AccordFactRef *ref = &b->country->refs[hot->refs + j];
		guint state = (guint)(s / b->place[ref->fact] % fact_states(b->country, ref->fact));

		index += state * ref->stride;
	}
	return b->country->outcomes[hot->outcomes + index];
}

static void
sum_terms(const Builder *b, guint64 s, Terms *terms)
{
	for (guint i = 0; i < b->slots->len; i++)
		memset(&terms[g_array_index(b->slots, guint, i)], 0, sizeof(Terms));
	for (guint i = 0; i < b->unit->criteria->len; i++) {
		guint c = g_array_index(b->unit->criteria, guint, i);
		Terms *t = &terms[b->model->rule_slot[b->model->criterion_rule[c]]];
		gdouble w = b->model->criterion_weight[c], outcome = unit_outcome(b, c, s);

		if (outcome == ACCORD_STATE_UNKNOWN) {
			t->unknown_weight += w;
			t->unknown++;
		} else if (outcome != ACCORD_STATE_NOT_APPLICABLE) {
			t->numerator += w * outcome;
			t->denominator += w;
			t->known++;
		}
	}
}

/* the deltas of unit state @s: one per rule it changes */
static void
add_deltas(Builder *b, guint64 s)
{
	guint32 start = b->deltas->len;

	g_array_append_val(b->starts, start);
	if (s == 0)
		return;
	sum_terms(b, s, b->now);
	for (guint i = 0; i < b->slots->len; i++) {
		guint slot = g_array_index(b->slots, guint, i);
		const Terms *now = &b->now[slot], *kept = &b->kept[slot];
		AccordRuleDelta d = {slot,
				     now->known - kept->known,
				     now->unknown - kept->unknown,
				     now->numerator - kept->numerator,
				     now->denominator - kept->denominator,
				     now->unknown_weight - kept->unknown_weight};

		if (d.known != 0 || d.unknown != 0 || d.numerator != 0 || d.denominator != 0 ||
		    d.unknown_weight != 0)
			g_array_append_val(b->deltas, d);
	}
}

static gint
compare_guints(gconstpointer a, gconstpointer b)
{
	guint x = *(const guint *)a, y = *(const guint *)b;

	return (x > y) - (x < y);
}

static void
build_unit(Builder *b, const Unit *u)
{
	guint stride = 1;

	b->unit = u;
	for (guint i = 0; i < u->facts->len; i++) {
		guint f = g_array_index(u->facts, guint, i);

		b->place[f] = stride;
		stride *= fact_states(b->country, f);
	}
	g_array_set_size(b->slots, 0);
	for (guint i = 0; i < u->criteria->len; i++) {
		guint c = g_array_index(u->criteria, guint, i);
		guint slot = b->model->rule_slot[b->model->criterion_rule[c]];
		guint k = 0;

		while (k < b->slots->len && g_array_index(b->slots, guint, k) != slot)
			k++;
		if (k == b->slots->len)
			g_array_append_val(b->slots, slot);
	}
	g_array_sort(b->slots, compare_guints);
	sum_terms(b, 0, b->kept);
	for (guint64 s = 0; s < u->n_states; s++)
		add_deltas(b, s);
}

/* ---- the chance of each unit state ---- */

/* the chance that fact @f is in state @state: kept, dropped, or flipped to one neighbour,
 * each as likely (uncertainty-model.c sets the chances) */
static gdouble
fact_chance(const AccordUncertainFact *f, guint state)
{
	if (state == 0)
		return 1.0 - f->change;
	if (state == 1)
		return f->change * f->drop;
	return f->change * (1.0 - f->drop) / f->n_neighbours;
}

typedef struct {
	guint32 state;
	gdouble chance;
	guint8 flipped;
	guint8 dropped;
} Reach;

/* most likely first; equal chances in state order, so the order is the same everywhere */
static gint
compare_reach(gconstpointer a, gconstpointer b)
{
	const Reach *x = a, *y = b;

	if (x->chance != y->chance)
		return x->chance < y->chance ? 1 : -1;
	return (x->state > y->state) - (x->state < y->state);
}

/* the unit's states other than every fact kept that have a chance, most likely first */
static GArray *
reachable_states(const AccordCountryModel *country, const Unit *u)
{
	GArray *out = g_array_new(FALSE, FALSE, sizeof(Reach));

	for (guint64 s = 1; s < u->n_states; s++) {
		Reach r = {(guint32)s, 1.0, 0, 0};
		guint64 rest = s;

		for (guint i = 0; i < u->facts->len; i++) {
			guint f = g_array_index(u->facts, guint, i);
			guint state = (guint)(rest % fact_states(country, f));

			rest /= fact_states(country, f);
			r.chance *= fact_chance(&country->info[f], state);
			r.flipped += state >= 2;
			r.dropped += state == 1;
		}
		if (r.chance > 0)
			g_array_append_val(out, r);
	}
	g_array_sort(out, compare_reach);
	return out;
}

/* a chance as a threshold for 16 random bits (ACCORD_NUMBER_RANGE) */
static guint64
threshold(gdouble chance)
{
	return (guint64)llround(MIN(chance, 1.0) * ACCORD_NUMBER_RANGE);
}

/* a state and its deltas: its first, its second (the zero delta @zero when it has one), and
 * the entry after its last */
static void
add_state(GArray *states,
	  gdouble cumulative,
	  const guint32 *deltas,
	  guint32 zero,
	  guint flipped,
	  guint dropped)
{
	AccordUnitState st = {threshold(cumulative),
			      deltas != NULL ? deltas[0] : 0,
			      deltas != NULL ? deltas[1] : 0,
			      deltas != NULL && deltas[1] - deltas[0] >= 2 ? deltas[0] + 1 : zero,
			      (guint8)flipped,
			      (guint8)dropped};

	g_array_append_val(states, st);
}

/* a unit drawn whole: its chance of changing and its reachable states with their thresholds,
 * the cumulative chances, so that the last state's threshold is the unit's; the first sixteen
 * thresholds less 1 also in unit_below, where a draw compares them all at once
 * (uncertainty-evidence.c). A state that changes no rule gets the country's zero delta (entry
 * @zero), so that every state has a first delta to add */
static void
keep_unit(AccordCountryModel *country, guint u, const Unit *unit, GArray *states, guint32 zero)
{
	g_autoptr(GArray) reach = reachable_states(country, unit);
	AccordUnitHot *hot = &country->units[u];
	gdouble cumulative = 0;

	guint32 *below = country->unit_below + ACCORD_TABLE_STATES * (gsize)u;

	hot->states = states->len;
	hot->single = TRUE;
	for (guint i = 0; i < reach->len; i++) {
		const Reach *r = &g_array_index(reach, Reach, i);

		const guint32 *range = country->delta_start + country->unit_first[u] + r->state;

		cumulative += r->chance;
		/* a state whose threshold rounds to 0 is one no draw reaches: left out, so every
		 * threshold listed is at least 1 */
		if (threshold(cumulative) == 0)
			continue;
		if (hot->n_states < ACCORD_TABLE_STATES)
			below[hot->n_states] = (guint32)(threshold(cumulative) - 1);
		hot->n_states++;
		hot->single &= range[1] - range[0] <= 1;
		add_state(states,
			  cumulative,
			  range[0] < range[1] ? range : (guint32[]){zero, zero + 1},
			  zero,
			  r->flipped,
			  r->dropped);
	}
	hot->change = threshold(cumulative);
}

/* a fact drawn on its own: its states' thresholds, and the units that hold it */
static void
keep_exact(AccordCountryModel *country,
	   guint f,
	   const GPtrArray *units,
	   GArray *states,
	   GArray *refs)
{
	AccordExactFact *e = &country->exact[country->n_exact++];
	gdouble cumulative = 0;

	e->states = states->len;
	e->n_states = fact_states(country, f) - 1;
	for (guint state = 1; state <= e->n_states; state++) {
		cumulative += fact_chance(&country->info[f], state);
		add_state(states, cumulative, NULL, 0, state >= 2, state == 1);
	}
	e->change = threshold(cumulative);
	e->refs = refs->len;
	for (guint u = 0; u < units->len; u++) {
		const Unit *unit = g_ptr_array_index(units, u);
		AccordUnitRef ref = {u, 1};

		for (guint i = 0; i < unit->facts->len; i++) {
			guint g = g_array_index(unit->facts, guint, i);

			if (g == f) {
				g_array_append_val(refs, ref);
				break;
			}
			ref.stride *= fact_states(country, g);
		}
	}
	e->n_refs = refs->len - e->refs;
}

/* units that share no fact are drawn whole; the facts of those that do, one by one */
static void
keep_unit_states(AccordCountryModel *country, const GPtrArray *units, guint32 zero)
{
	g_autoptr(GArray) states = g_array_new(FALSE, FALSE, sizeof(AccordUnitState));
	g_autoptr(GArray) refs = g_array_new(FALSE, FALSE, sizeof(AccordUnitRef));
	g_autofree guint *count = g_new0(guint, MAX(country->n_facts, 1));
	g_autofree gboolean *exact = g_new0(gboolean, MAX(country->n_facts, 1));

	for (guint u = 0; u < units->len; u++) {
		const Unit *unit = g_ptr_array_index(units, u);

		for (guint i = 0; i < unit->facts->len; i++)
			count[g_array_index(unit->facts, guint, i)]++;
	}
	country->units = g_new0(AccordUnitHot, MAX(units->len, 1));
	country->unit_below = g_new(guint32, ACCORD_TABLE_STATES * (gsize)MAX(units->len, 1));
	memset(country->unit_below,
	       0xff,
	       ACCORD_TABLE_STATES * (gsize)MAX(units->len, 1) * sizeof(guint32));
	for (guint u = 0; u < units->len; u++) {
		const Unit *unit = g_ptr_array_index(units, u);
		gboolean shares = FALSE;

		for (guint i = 0; i < unit->facts->len; i++)
			shares |= count[g_array_index(unit->facts, guint, i)] > 1;
		for (guint i = 0; shares && i < unit->facts->len; i++)
			exact[g_array_index(unit->facts, guint, i)] = TRUE;
		if (!shares)
			keep_unit(country, u, unit, states, zero);
	}
	country->exact = g_new0(AccordExactFact, MAX(country->n_facts, 1));
	for (guint f = 0; f < country->n_facts; f++) {
		if (exact[f])
			keep_exact(country, f, units, states, refs);
	}
	/* what a draw compares its numbers with (uncertainty-evidence.c) */
	country->unit_at_most = g_new0(guint32, accord_round_up(units->len, ACCORD_LANES));
	country->unit_active = g_new0(guint64, (units->len + 63) / 64 + 1);
	for (guint u = 0; u < units->len; u++) {
		if (country->units[u].change == 0)
			continue;
		country->unit_at_most[u] = (guint32)(country->units[u].change - 1);
		country->unit_active[u / 64] |= G_GUINT64_CONSTANT(1) << (u % 64);
	}
	country->unit_states = (AccordUnitState *)g_array_free(g_steal_pointer(&states), FALSE);
	country->unit_refs = (AccordUnitRef *)g_array_free(g_steal_pointer(&refs), FALSE);
}

/* the deltas as a draw with @unknown adds them (AccordHotDelta) */
static AccordHotDelta *
hot_deltas(const AccordRuleDelta *deltas, guint n, AccordUnknownPolicy unknown)
{
	gdouble pass = unknown == ACCORD_UNKNOWN_PASS, count = unknown != ACCORD_UNKNOWN_EXCLUDE;
	AccordHotDelta *hot = g_new(AccordHotDelta, n);

	for (guint i = 0; i < n; i++) {
		const AccordRuleDelta *d = &deltas[i];

		hot[i].row = 3 * ACCORD_CHUNK * d->slot;
		hot[i].add[0] = d->numerator + pass * d->unknown_weight;
		hot[i].add[1] = d->denominator + count * d->unknown_weight;
		hot[i].add[2] = d->known + count * d->unknown;
	}
	return hot;
}

/* marks in @changes (by slot) the rules some state of unit @u changes */
static void
mark_unit_rules(const AccordCountryModel *country, guint u, guint32 zero, gboolean *changes)
{
	const AccordUnitHot *hot = &country->units[u];

	for (guint k = 0; k < hot->n_states; k++) {
		const AccordUnitState *s = &country->unit_states[hot->states + k];

		for (guint32 d = s->deltas; d < s->end; d++)
			changes[country->deltas[d].slot] |= d != zero;
	}
}

/* the rules a tabled unit's states change, in slot order, appended to @rows: from its states'
 * deltas, sorted, each once (not a pass over every rule for every unit) */
static void
unit_rows(const AccordCountryModel *country, guint u, guint32 zero, GArray *rows)
{
	const AccordUnitHot *hot = &country->units[u];
	guint first = rows->len, kept = first;

	for (guint k = 0; k < hot->n_states; k++) {
		const AccordUnitState *s = &country->unit_states[hot->states + k];

		for (guint32 d = s->deltas; d < s->end; d++) {
			guint32 row = 3 * ACCORD_CHUNK * country->deltas[d].slot;

			if (d != zero)
				g_array_append_val(rows, row);
		}
	}
	qsort((guint32 *)rows->data + first, rows->len - first, sizeof(guint32), compare_guints);
	for (guint i = first; i < rows->len; i++) {
		guint32 row = g_array_index(rows, guint32, i);

		if (kept == first || g_array_index(rows, guint32, kept - 1) != row)
			g_array_index(rows, guint32, kept++) = row;
	}
	g_array_set_size(rows, kept);
}

/* the tables summed rule by rule (AccordCountryModel.slot_tables): those of the rules that
 * no unit without tables changes, in unit order for each rule */
static void
order_tables(AccordCountryModel *country, guint32 zero, guint n_rules)
{
	g_autofree gboolean *by_runs = g_new0(gboolean, MAX(n_rules, 1));
	g_autofree guint32 *next = NULL;
	guint n = country->unit_tables[country->n_units];

	for (guint u = 0; u < country->n_units; u++) {
		if (country->units[u].change > 0 && !country->units[u].tabled)
			mark_unit_rules(country, u, zero, by_runs);
	}
	country->slot_tables = g_new0(guint32, n_rules + 1);
	country->table_order = g_new0(guint32, MAX(n, 1));
	country->table_unit = g_new0(guint32, MAX(n, 1));
	country->table_later = g_new0(gboolean, MAX(n, 1));
	for (guint u = 0; u < country->n_units; u++) {
		for (guint t = country->unit_tables[u]; t < country->unit_tables[u + 1]; t++)
			country->table_unit[t] = u;
	}
	/* a counting sort by rule, stable, so each rule's tables stay in unit order */
	for (guint t = 0; t < n; t++) {
		guint slot = country->table_row[t] / (3 * ACCORD_CHUNK);

		country->table_later[t] = !by_runs[slot];
		country->slot_tables[slot + 1] += country->table_later[t];
	}
	for (guint slot = 0; slot < n_rules; slot++)
		country->slot_tables[slot + 1] += country->slot_tables[slot];
	next = g_memdup2(country->slot_tables, MAX(n_rules, 1) * sizeof(guint32));
	for (guint t = 0; t < n; t++) {
		if (country->table_later[t])
			country->table_order[next[country->table_row[t] / (3 * ACCORD_CHUNK)]++] =
			    t;
	}
}

/* where each table starts in tables[] (AccordCountryModel.table_at) */
static void
place_tables(AccordCountryModel *country)
{
	guint32 at = 0;

	country->table_at = g_new0(guint32, country->unit_tables[country->n_units] + 1);
	for (guint u = 0; u < country->n_units; u++) {
		guint width = country->units[u].n_states < 8 ? 8 : ACCORD_TABLE_STATES;

		for (guint t = country->unit_tables[u]; t < country->unit_tables[u + 1]; t++) {
			country->table_at[t] = at;
			at += 3 * width;
		}
	}
	country->table_at[country->unit_tables[country->n_units]] = at;
}

/* a tabled unit's states in its tables of one policy (@deltas), from table @first on: each
 * delta's three terms at its state's index in the table of its rule */
static void
fill_tables(const AccordCountryModel *country,
	    guint u,
	    guint32 zero,
	    const AccordHotDelta *deltas,
	    guint first,
	    gdouble *tables)
{
	const AccordUnitHot *hot = &country->units[u];

	for (guint k = 0; k < hot->n_states; k++) {
		const AccordUnitState *s = &country->unit_states[hot->states + k];

		guint t = first;

		/* a state's deltas are in slot order, as the unit's tables are */
		for (guint32 d = s->deltas; d < s->end; d++) {
			if (d == zero)
				continue;
			while (country->table_row[t] != deltas[d].row)
				t++;
			for (guint sum = 0; sum < 3; sum++)
				tables[country->table_at[t] + sum * accord_table_width(country, t) +
				       k] = deltas[d].add[sum];
		}
	}
}

/* how many joint states the units of the summed tables @first to @end (of table_order) have
 * together, or ACCORD_JOINT_STATES + 1 when more */
static guint
joint_states(const AccordCountryModel *country, guint first, guint end)
{
	guint n = 1;

	if (end - first > ACCORD_JOINT_UNITS)
		return ACCORD_JOINT_STATES + 1;
	for (guint i = first; i < end && n <= ACCORD_JOINT_STATES; i++)
		n *= country->lookup_states[country->table_unit[country->table_order[i]]] + 1;
	return MIN(n, ACCORD_JOINT_STATES + 1);
}

/* marks in @changes (by slot) the rules that the units holding a fact drawn on its own change:
 * draw_exact() adds their deltas after the tables, which a rule's looked-up value would miss */
static void
mark_exact_rules(const AccordCountryModel *country, guint32 zero, gboolean *changes)
{
	for (guint i = 0; i < country->n_exact; i++) {
		const AccordExactFact *e = &country->exact[i];

		for (guint j = 0; j < e->n_refs; j++) {
			guint u = country->unit_refs[e->refs + j].unit;
			guint32 end = u + 1 < country->n_units
					  ? country->delta_start[country->unit_first[u + 1]]
					  : zero;

			for (guint32 d = country->delta_start[country->unit_first[u]]; d < end; d++)
				changes[country->deltas[d].slot] |= d != zero;
		}
	}
}

/* two doubles, GCC's vector extensions: an SSE2 register, which every x86-64 has */
typedef gdouble Two __attribute__((vector_size(16)));
typedef gint64 TwoMask __attribute__((vector_size(16)));

/* a rule's values (Σw·c/Σw, as add_rule() works them out; NaN where it does not count) in the
 * joint states that differ only in its last unit's state, two at a time: its sums with every
 * fact kept (@kept: under one policy) plus what the other units' states add (@partial, from +0
 * in unit order) plus each of the last unit's @n look-up states' terms (@last: rows of
 * ACCORD_TABLE_STATES, those past @n copies of the last, so that a pair past the end makes no
 * NaN of its own). Returns whether some value is NaN */
static gboolean
fill_last_unit(const gdouble kept[3],
	       const gdouble partial[3],
	       const Two *const last[3],
	       guint n,
	       gdouble *joint)
{
	Two values[ACCORD_TABLE_STATES / 2];
	const TwoMask nan = (TwoMask)(Two){NAN, NAN};
	TwoMask uncounted = {0};

	for (guint i = 0; i < (n + 1) / 2; i++) {
		Two x =
		    (kept[0] + (partial[0] + last[0][i])) / (kept[1] + (partial[1] + last[1][i]));
		TwoMask counts = (kept[2] + (partial[2] + last[2][i]) > 0) & (x == x);

		values[i] = (Two)(((TwoMask)x & counts) | (nan & ~counts));
		uncounted |= ~counts;
	}
	memcpy(joint, values, n * sizeof(gdouble));
	return (uncounted[0] | uncounted[1]) != 0;
}

/* rule @slot's value in every joint state of its units under policy @p (@joint: the rule's, at
 * the policy's place), as a draw works it out from its tables (uncertainty-evidence.c:
 * sum_rule_tables(), then add_rule()): each sum the tables' terms of the units' states added in
 * unit order from +0, so the same bits. The joint states in index order (the first unit's
 * state the most significant): each of the other units' partial sums kept until its state
 * changes, the last unit's states done together (fill_last_unit()). Returns whether the rule
 * fails to count in some joint state */
static gboolean
fill_joint(const AccordModel *m,
	   const AccordCountryModel *country,
	   guint slot,
	   guint p,
	   gdouble *joint)
{
	const gdouble *kept = country->kept_sums + 3 * p * (gsize)m->n_rules;
	const gdouble kept_slot[3] = {kept[slot],
				      kept[m->n_rules + slot],
				      kept[2 * m->n_rules + slot]};
	guint first = country->slot_tables[slot], k = country->slot_tables[slot + 1] - first;
	guint states = (country->joint_at[slot + 1] - country->joint_at[slot]) / m->n_taken;
	guint digit[ACCORD_JOINT_UNITS] = {0}, size[ACCORD_JOINT_UNITS], from = 0, last = k - 1;
	const gdouble *terms[ACCORD_JOINT_UNITS][3];
	const guint8 *state[ACCORD_JOINT_UNITS]; /* each look-up state's first state */
	gdouble partial[ACCORD_JOINT_UNITS][3] = {{0}};
	Two last_terms[3][ACCORD_TABLE_STATES / 2];
	const Two *const last_rows[3] = {last_terms[0], last_terms[1], last_terms[2]};
	gboolean uncounted = FALSE;

	for (guint i = 0; i < k; i++) {
		guint t = country->table_order[first + i], u = country->table_unit[t];

		size[i] = country->lookup_states[u] + 1;
		state[i] = country->lookup_first + ACCORD_TABLE_STATES * (gsize)u;
		for (guint sum = 0; sum < 3; sum++)
			terms[i][sum] = country->tables[p] + country->table_at[t] +
					sum * accord_table_width(country, t);
	}
	for (guint sum = 0; sum < 3; sum++) {
		gdouble *row = (gdouble *)last_terms[sum];

		for (guint d = 0; d < ACCORD_TABLE_STATES; d++)
			row[d] = terms[last][sum][state[last][MIN(d, size[last] - 1)]];
	}
	for (guint j = 0; j < states; j += size[last]) {
		guint i = last;

		for (guint l = from; l < last; l++) {
			for (guint sum = 0; sum < 3; sum++)
				partial[l + 1][sum] =
				    partial[l][sum] + terms[l][sum][state[l][digit[l]]];
		}
		uncounted |=
		    fill_last_unit(kept_slot, partial[last], last_rows, size[last], joint + j);
		/* the next of the other units' states: the last of them counts fastest */
		while (i > 0 && ++digit[i - 1] == size[i - 1])
			digit[--i] = 0;
		from = i > 0 ? i - 1 : 0;
	}
	return uncounted;
}

/* whether states @k and @k + 1 of tabled unit @u add the same terms (bit for bit) to every
 * table of the unit under every policy (state n_states, every fact kept, adds 0) */
static gboolean
same_terms(const AccordCountryModel *country, guint u, guint k)
{
	for (guint p = 0; p < 3; p++) {
		for (guint t = country->unit_tables[u];
		     country->tables[p] != NULL && t < country->unit_tables[u + 1];
		     t++) {
			for (guint sum = 0; sum < 3; sum++) {
				const gdouble *x = country->tables[p] + country->table_at[t] +
						   sum * accord_table_width(country, t);

				if (memcmp(x + k, x + k + 1, sizeof(gdouble)) != 0)
					return FALSE;
			}
		}
	}
	return TRUE;
}

/* each tabled unit's look-up states (AccordCountryModel.lookup_below): its states, two next
 * to each other merged where they add the same terms, so that a state is the count of the
 * thresholds left below a draw's number, as with all of them, less those between states
 * merged. Only tabled units are looked up: the others' are left empty */
static void
keep_lookup_states(AccordCountryModel *country)
{
	gsize n = ACCORD_TABLE_STATES * (gsize)MAX(country->n_units, 1);

	country->lookup_below = g_new(guint32, n);
	memset(country->lookup_below, 0xff, n * sizeof(guint32));
	country->lookup_states = g_new0(guint32, MAX(country->n_units, 1));
	country->lookup_first = g_new0(guint8, n);
	for (guint u = 0; u < country->n_units; u++) {
		const AccordUnitHot *hot = &country->units[u];
		const guint32 *below = country->unit_below + ACCORD_TABLE_STATES * (gsize)u;
		guint32 *kept = country->lookup_below + ACCORD_TABLE_STATES * (gsize)u;
		guint8 *first = country->lookup_first + ACCORD_TABLE_STATES * (gsize)u;
		guint n_kept = 0;

		if (!hot->tabled)
			continue;
		/* threshold k parts state k from state k + 1 */
		for (guint k = 0; k < hot->n_states; k++) {
			if (same_terms(country, u, k))
				continue;
			kept[n_kept++] = below[k];
			first[n_kept] = (guint8)(k + 1);
		}
		country->lookup_states[u] = n_kept;
	}
	/* as 16 bits with the sign bit flipped, for AVX2's signed comparisons of the numbers: a
	 * threshold less 1 is below 2^16, and 0xffffffff past the last is 0xffff, which no number
	 * is above */
	country->lookup_below16 = g_new(guint16, n);
	for (gsize i = 0; i < n; i++)
		country->lookup_below16[i] = (guint16)(country->lookup_below[i] ^ 0x8000);
}

/* the unknown policies under which a rule with a joint table fails to count in some joint
 * state (@uncounted: a mask by rule, from fill_joint()), gathered by pillar
 * (AccordCountryModel.pillar_uncounted) */
static void
keep_uncounted(const AccordModel *m, AccordCountryModel *country, const guint8 *uncounted)
{
	country->pillar_uncounted = g_new0(guint8, MAX(m->n_pillars, 1));
	for (guint p = 0; p < m->n_pillars; p++) {
		for (guint slot = m->pillar_slots[p]; slot < m->pillar_slots[p + 1]; slot++)
			country->pillar_uncounted[p] |= uncounted[slot];
	}
}

/* the joint values of every rule whose tables are summed and whose units have at most
 * ACCORD_JOINT_STATES joint states together (AccordCountryModel.joint) */
static void
keep_joints(const AccordModel *m, AccordCountryModel *country, guint32 zero)
{
	g_autofree gboolean *exact = g_new0(gboolean, MAX(m->n_rules, 1));
	g_autofree guint8 *uncounted = g_new0(guint8, MAX(m->n_rules, 1));
	guint n = country->slot_tables[m->n_rules], at = 0;

	mark_exact_rules(country, zero, exact);
	country->joint_at = g_new0(guint32, m->n_rules + 1);
	country->joint_stride = g_new0(guint32, MAX(n, 1));
	country->joint_unit = g_new0(guint32, MAX(n, 1));
	country->joint_states = g_new0(guint32, MAX(m->n_rules, 1));
	for (guint i = 0; i < n; i++)
		country->joint_unit[i] = country->table_unit[country->table_order[i]];
	for (guint slot = 0; slot < m->n_rules; slot++) {
		guint first = country->slot_tables[slot], end = country->slot_tables[slot + 1];
		guint states = joint_states(country, first, end), stride = 1;

		country->joint_at[slot] = at;
		if (first == end || states > ACCORD_JOINT_STATES || exact[slot])
			continue;
		country->joint_states[slot] = states;
		/* the last unit's state counts fastest (fill_joint()) */
		for (guint i = end; i-- > first;) {
			country->joint_stride[i] = stride;
			stride *= country->lookup_states[country->joint_unit[i]] + 1;
		}
		at += states * m->n_taken;
	}
	country->joint_at[m->n_rules] = at;
	/* every value is filled below: each taken policy has its hot deltas */
	country->joint = g_new(gdouble, MAX(at, 1));
	country->pillar_summed = g_new0(gboolean, MAX(m->n_pillars, 1));
	for (guint p = 0; p < m->n_pillars; p++) {
		country->pillar_summed[p] = m->pillar_slots[p] < m->pillar_slots[p + 1];
		for (guint s = m->pillar_slots[p]; s < m->pillar_slots[p + 1]; s++)
			country->pillar_summed[p] &=
			    country->joint_at[s] < country->joint_at[s + 1];
	}
	country->unit_looked_up = g_new0(gboolean, MAX(country->n_units, 1));
	for (guint u = 0; u < country->n_units; u++) {
		country->unit_looked_up[u] = country->units[u].tabled;
		for (guint t = country->unit_tables[u]; t < country->unit_tables[u + 1]; t++) {
			guint slot = country->table_row[t] / (3 * ACCORD_CHUNK);

			country->unit_looked_up[u] &=
			    country->joint_at[slot] < country->joint_at[slot + 1];
		}
	}
	/* the units whose changes a draw adds, and the tabled units, listed */
	country->added_units = g_new0(guint32, MAX(country->n_units, 1));
	country->tabled_units = g_new0(guint32, MAX(country->n_units, 1));
	for (guint u = 0; u < country->n_units; u++) {
		if (!country->unit_looked_up[u] &&
		    (country->units[u].tabled || country->units[u].change > 0))
			country->added_units[country->n_added++] = u;
		if (country->units[u].tabled)
			country->tabled_units[country->n_tabled++] = u;
	}
	for (guint slot = 0; slot < m->n_rules; slot++) {
		for (guint p = 0; p < 3; p++) {
			if (country->joint_at[slot] < country->joint_at[slot + 1] &&
			    country->hot[p] != NULL &&
			    fill_joint(
				m,
				country,
				slot,
				p,
				country->joint + country->joint_at[slot] +
				    m->place[p] *
					(country->joint_at[slot + 1] - country->joint_at[slot]) /
					m->n_taken))
				uncounted[slot] |= (guint8)(1u << p);
		}
	}
	keep_uncounted(m, country, uncounted);
}

/* where the processor has AVX2 or AVX-512, the tables of every unit that can change and has fewer
 * than ACCORD_TABLE_STATES states (uncertainty-evidence.c, add_changes_tabled()); @zero is the
 * zero delta */
static void
keep_tables(const AccordModel *m, AccordCountryModel *country, guint32 zero)
{
	g_autoptr(GArray) rows = g_array_new(FALSE, FALSE, sizeof(guint32));

	if (accord_evidence_widest_group() < 2)
		return;
	country->unit_tables = g_new0(guint32, country->n_units + 1);
	country->unit_tallies =
	    g_new0(guint32, 2 * ACCORD_TABLE_STATES * (gsize)MAX(country->n_units, 1));
	for (guint u = 0; u < country->n_units; u++) {
		AccordUnitHot *hot = &country->units[u];
		guint32 *tallies = country->unit_tallies + 2 * ACCORD_TABLE_STATES * (gsize)u;

		country->unit_tables[u] = rows->len;
		hot->tabled = hot->change > 0 && hot->n_states < ACCORD_TABLE_STATES;
		country->some_by_run |= hot->change > 0 && !hot->tabled;
		if (!hot->tabled)
			continue;
		unit_rows(country, u, zero, rows);
		for (guint k = 0; k < hot->n_states; k++) {
			tallies[k] = country->unit_states[hot->states + k].flipped;
			tallies[ACCORD_TABLE_STATES + k] =
			    country->unit_states[hot->states + k].dropped;
		}
	}
	country->unit_tables[country->n_units] = rows->len;
	country->table_row = (guint32 *)g_array_free(g_steal_pointer(&rows), FALSE);
	order_tables(country, zero, m->n_rules);
	place_tables(country);
	for (guint p = 0; p < 3; p++) {
		if (country->hot[p] == NULL)
			continue;
		country->tables[p] =
		    g_new0(gdouble,
			   MAX(country->table_at[country->unit_tables[country->n_units]], 1));
		for (guint u = 0; u < country->n_units; u++) {
			if (country->units[u].tabled)
				fill_tables(country,
					    u,
					    zero,
					    country->hot[p],
					    country->unit_tables[u],
					    country->tables[p]);
		}
	}
	keep_lookup_states(country);
	keep_joints(m, country, zero);
}

/**
 * accord_model_build_units:
 * @m: the model being built
 * @country: a country whose criteria have their outcome tables
 *
 * Groups the country's criteria into units and works out every unit state's rule deltas and
 * the chance that a draw gives it.
 */
void
accord_model_build_units(AccordModel *m, AccordCountryModel *country)
{
	g_autoptr(GPtrArray) units = group_criteria(m, country);
	g_autofree guint *place = g_new0(guint, MAX(country->n_facts, 1));
	g_autofree Terms *kept = g_new0(Terms, MAX(m->n_rules, 1));
	g_autofree Terms *now = g_new0(Terms, MAX(m->n_rules, 1));
	g_autoptr(GArray) slots = g_array_new(FALSE, FALSE, sizeof(guint));
	Builder b = {m,
		     country,
		     NULL,
		     place,
		     slots,
		     kept,
		     now,
		     g_array_new(FALSE, FALSE, sizeof(AccordRuleDelta)),
		     g_array_new(FALSE, FALSE, sizeof(guint32))};
	guint32 end;

	country->n_units = units->len;
	country->unit_first = g_new0(guint32, MAX(units->len, 1));
	for (guint u = 0; u < units->len; u++) {
		country->unit_first[u] = b.starts->len;
		build_unit(&b, g_ptr_array_index(units, u));
	}
	end = b.deltas->len;
	g_array_append_val(b.starts, end);
	/* the zero delta, after every unit state's */
	g_array_append_val(b.deltas, (AccordRuleDelta){0});
	country->delta_start = (guint32 *)g_array_free(b.starts, FALSE);
	country->deltas = (AccordRuleDelta *)g_array_free(b.deltas, FALSE);
	keep_unit_states(country, units, end);
	for (guint p = 0; p < 3; p++) {
		if (m->taken[p])
			country->hot[p] = hot_deltas(country->deltas, end + 1, p);
	}
	keep_tables(m, country, end);
}
