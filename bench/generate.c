/* Deterministic generator of Accord inputs for benchmarks: a vocabulary, rulesets and
 * profiles of the shipped size (about 15 KiB, 20 stated facts with long evidence titles and
 * notes), the same bytes for the same options on every machine (its own random numbers, not
 * the C library's or GLib's).
 *
 * usage: accord-generate [OPTION…] DIR
 * writes DIR/vocabulary.xml, DIR/rulesets/rs1.xml …, DIR/profiles/p0000001.xml … and
 * DIR/profiles.list (one path per line, for `accord rank @DIR/profiles.list`) */
#include <errno.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct {
	gint facts;
	gint rulesets;
	gint pillars;
	gint rules;
	gint criteria;
	gint profiles;
	gint evidence;
	gint64 seed;
	gint first;
	gint id_every;
} Options;

/* splitmix64: tiny, and the same sequence everywhere */
static guint64
next(guint64 *state)
{
	guint64 z = (*state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static guint
below(guint64 *state, guint n)
{
	return (guint)(next(state) % n);
}

static const gchar *const words[] = {
    "national",	 "framework", "security",   "incident",	 "response",  "critical", "agency",
    "published", "strategy",  "regulation", "operators", "essential", "services", "report",
    "the",	 "of",	      "and",	    "a",	 "to",	      "in",	  "with",
    "review",	 "guidance",  "ministry",   "official",	 "gazette",   "section",  "schedule",
    "amended",	 "consulted", "industry",   "standards", "adopted",   "draft",	  "law",
};

static void
append_words(GString *out, guint64 *rng, guint n)
{
	for (guint i = 0; i < n; i++)
		g_string_append_printf(out,
				       "%s%s",
				       i > 0 ? (i % 11 == 0 ? "\n      " : " ") : "",
				       words[below(rng, G_N_ELEMENTS(words))]);
}

/* fact i: its type cycles boolean, level, enum, number */
static const gchar *const levels[] = {"none", "draft", "partial", "adopted"};
static const gchar *const symbols[] = {"alpha", "beta", "gamma", "delta"};

static gboolean
write_file(const gchar *path, GString *text)
{
	g_autoptr(GError) error = NULL;

	if (!g_file_set_contents(path, text->str, (gssize)text->len, &error)) {
		fprintf(stderr, "accord-generate: %s\n", error->message);
		return FALSE;
	}
	return TRUE;
}

static gboolean
write_vocabulary(const gchar *dir, const Options *o)
{
	g_autoptr(GString) out = g_string_new("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
					      "<vocabulary xmlns=\"urn:accord:vocabulary:1\" "
					      "version=\"bench\">\n  <scale id=\"s\">\n");
	g_autofree gchar *path = g_build_filename(dir, "vocabulary.xml", NULL);

	for (guint l = 0; l < G_N_ELEMENTS(levels); l++)
		g_string_append_printf(out,
				       "    <level id=\"%s\">level %u</level>\n",
				       levels[l],
				       l);
	g_string_append(out, "  </scale>\n");
	for (gint i = 0; i < o->facts; i++) {
		switch (i % 4) {
		case 0:
			g_string_append_printf(out, "  <fact key=\"f.b%d\" type=\"boolean\">", i);
			break;
		case 1:
			g_string_append_printf(out,
					       "  <fact key=\"f.l%d\" type=\"level\" scale=\"s\">",
					       i);
			break;
		case 2:
			g_string_append_printf(out,
					       "  <fact key=\"f.e%d\" type=\"enum\" "
					       "values=\"alpha beta gamma delta\">",
					       i);
			break;
		default:
			g_string_append_printf(out, "  <fact key=\"f.n%d\" type=\"number\">", i);
		}
		g_string_append_printf(out, "Fact %d.</fact>\n", i);
	}
	g_string_append(out, "</vocabulary>\n");
	return write_file(path, out);
}

static const gchar *
fact_key(gint i, gchar *buf, gsize size)
{
	g_snprintf(buf, size, "f.%c%d", "blen"[i % 4], i);
	return buf;
}

static void
append_check(GString *out, guint64 *rng, const Options *o)
{
	gint f = (gint)below(rng, (guint)o->facts);
	gchar key[32];

	fact_key(f, key, sizeof key);
	switch (f % 4) {
	case 0:
		g_string_append_printf(out, "<check fact=\"%s\" is=\"true\"/>", key);
		break;
	case 1:
		g_string_append_printf(out,
				       "<check fact=\"%s\" at-least=\"%s\"%s/>",
				       key,
				       levels[1 + below(rng, 3)],
				       below(rng, 2) ? " partial=\"yes\"" : "");
		break;
	case 2:
		g_string_append_printf(out,
				       "<check fact=\"%s\" in=\"%s %s\"/>",
				       key,
				       symbols[below(rng, 2)],
				       symbols[2 + below(rng, 2)]);
		break;
	default:
		g_string_append_printf(out,
				       "<check fact=\"%s\" at-least=\"%u\"/>",
				       key,
				       below(rng, 100));
	}
}

static void
append_rule(GString *out, guint64 *rng, const Options *o, gint r)
{
	g_string_append_printf(
	    out,
	    "  <rule id=\"r%d\" pillar=\"p%d\" obligation=\"%s\" weight=\"%u\">\n"
	    "    <title>",
	    r,
	    r % o->pillars,
	    r % 2 ? "shall" : "endeavour",
	    1 + below(rng, 4));
	append_words(out, rng, 8);
	g_string_append_printf(out, "</title>\n    <provision cite=\"Art. %d\">", r);
	append_words(out, rng, 30);
	g_string_append(out, "</provision>\n");
	for (gint c = 0; c < o->criteria; c++) {
		g_string_append_printf(out,
				       "    <criterion id=\"c%d-%d\" weight=\"%u\" effort=\"%s\"",
				       r,
				       c,
				       1 + below(rng, 3),
				       (const gchar *[]){"low", "medium", "high"}[below(rng, 3)]);
		if (c > 0 && below(rng, 4) == 0)
			g_string_append_printf(out, " depends-on=\"c%d-%d\"", r, c - 1);
		g_string_append(out, "><title>");
		append_words(out, rng, 6);
		g_string_append(out, "</title>");
		if (below(rng, 3) == 0) {
			g_string_append(out, "<any>");
			append_check(out, rng, o);
			g_string_append(out, "<not>");
			append_check(out, rng, o);
			g_string_append(out, "</not></any>");
		} else {
			append_check(out, rng, o);
		}
		g_string_append(out, "</criterion>\n");
	}
	g_string_append(out, "    <recommendation>");
	append_words(out, rng, 20);
	g_string_append(out, "</recommendation>\n  </rule>\n");
}

static gboolean
write_ruleset(const gchar *dir, const Options *o, gint k)
{
	guint64 rng = (guint64)o->seed * 1000003u + (guint64)k;
	g_autofree gchar *name = g_strdup_printf("rs%d.xml", k);
	g_autofree gchar *path = g_build_filename(dir, "rulesets", name, NULL);
	g_autoptr(GString) out = g_string_new(NULL);

	g_string_append_printf(
	    out,
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<ruleset xmlns=\"urn:accord:ruleset:1\" id=\"rs%d\" version=\"1\">\n"
	    "  <title>Benchmark ruleset %d</title>\n"
	    "  <agreement name=\"Bench %d\" signed=\"2020-01-01\"/>\n"
	    "  <obligations><obligation id=\"shall\" multiplier=\"1\"/>"
	    "<obligation id=\"endeavour\" multiplier=\"0.75\"/></obligations>\n",
	    k,
	    k,
	    k);
	for (gint p = 0; p < o->pillars; p++)
		g_string_append_printf(
		    out,
		    "  <pillar id=\"p%d\" weight=\"%u\"><title>Pillar %d</title></pillar>\n",
		    p,
		    1 + below(&rng, 3),
		    p);
	for (gint r = 0; r < o->rules; r++)
		append_rule(out, &rng, o, r);
	g_string_append(out, "</ruleset>\n");
	return write_file(path, out);
}

static void
append_value(GString *out, guint64 *rng, gint f)
{
	switch (f % 4) {
	case 0:
		g_string_append(out, below(rng, 2) ? "true" : "false");
		break;
	case 1:
		g_string_append(out, levels[below(rng, 4)]);
		break;
	case 2:
		g_string_append(out, symbols[below(rng, 4)]);
		break;
	default:
		g_string_append_printf(out, "%u.%u", below(rng, 120), below(rng, 10));
	}
}

static void
append_fact(GString *out, guint64 *rng, const Options *o, gint f)
{
	static const gchar *const confidence[] = {"high", "medium", "low"};
	gchar key[32];

	g_string_append_printf(out, "  <fact key=\"%s\" value=\"", fact_key(f, key, sizeof key));
	append_value(out, rng, f);
	g_string_append_printf(out, "\" confidence=\"%s\">\n", confidence[below(rng, 3)]);
	for (gint e = 0; e < o->evidence; e++) {
		g_string_append(out, "    <evidence title=\"");
		append_words(out, rng, 20);
		g_string_append_printf(
		    out,
		    "\" href=\"https://www.example.org/laws/%u/section-%u/"
		    "official-text-of-the-regulation.html\" date=\"20%02u-%02u\"/>\n",
		    below(rng, 100000),
		    below(rng, 100),
		    10 + below(rng, 16),
		    1 + below(rng, 12));
	}
	g_string_append(out, "    <note>");
	append_words(out, rng, 28);
	g_string_append(out, "</note>\n  </fact>\n");
}

/* profile i: country i mod 676 (AA … ZZ) as of a day that grows with i / 676, so every
 * identity (country and as-of) differs; every --id-every'th has an explicit id as well */
static GString *
make_profile(const Options *o, gint i)
{
	guint64 rng = (guint64)o->seed * 7919u + (guint64)i * 104729u;
	g_autoptr(GDate) date = g_date_new_dmy(1, G_DATE_JANUARY, 2000);
	GString *out = g_string_new("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
				    "<profile xmlns=\"urn:accord:profile:1\"");
	gchar as_of[16];

	g_date_add_days(date, (guint)(i / 676));
	g_date_strftime(as_of, sizeof as_of, "%Y-%m-%d", date);
	if (o->id_every > 0 && i % o->id_every == o->id_every - 1)
		g_string_append_printf(out, " id=\"sub-%07d\"", i);
	g_string_append_printf(out,
			       " country=\"%c%c\" name=\"Country %d\" as-of=\"%s\">\n  <note>",
			       'A' + (i % 676) / 26,
			       'A' + i % 26,
			       i,
			       as_of);
	append_words(out, &rng, 60);
	g_string_append(out, "</note>\n");
	for (gint f = 0; f < o->facts; f++) {
		if (below(&rng, 5) != 0)
			append_fact(out, &rng, o, f);
	}
	g_string_append(out, "</profile>\n");
	return out;
}

static gboolean
write_profiles(const gchar *dir, const Options *o)
{
	g_autofree gchar *list_path = g_build_filename(dir, "profiles.list", NULL);
	g_autoptr(GString) list = g_string_new(NULL);

	for (gint i = o->first; i < o->first + o->profiles; i++) {
		g_autofree gchar *name = g_strdup_printf("p%07d.xml", i);
		g_autofree gchar *path = g_build_filename(dir, "profiles", name, NULL);
		g_autoptr(GString) text = make_profile(o, i);

		if (!write_file(path, text))
			return FALSE;
		g_string_append_printf(list, "%s\n", path);
	}
	return write_file(list_path, list);
}

int
main(int argc, char **argv)
{
	Options o = {25, 6, 4, 10, 2, 100, 2, 1, 0, 10};
	const GOptionEntry entries[] = {
	    {"facts", 0, 0, G_OPTION_ARG_INT, &o.facts, "Facts in the vocabulary (25)", "N"},
	    {"rulesets", 0, 0, G_OPTION_ARG_INT, &o.rulesets, "Rulesets (6)", "N"},
	    {"pillars", 0, 0, G_OPTION_ARG_INT, &o.pillars, "Pillars per ruleset (4)", "N"},
	    {"rules", 0, 0, G_OPTION_ARG_INT, &o.rules, "Rules per ruleset (10)", "N"},
	    {"criteria", 0, 0, G_OPTION_ARG_INT, &o.criteria, "Criteria per rule (2)", "N"},
	    {"profiles", 0, 0, G_OPTION_ARG_INT, &o.profiles, "Profiles (100)", "N"},
	    {"first", 0, 0, G_OPTION_ARG_INT, &o.first, "Number of the first profile (0)", "N"},
	    {"evidence", 0, 0, G_OPTION_ARG_INT, &o.evidence, "Evidence per fact (2)", "N"},
	    {"seed", 0, 0, G_OPTION_ARG_INT64, &o.seed, "Seed (1)", "N"},
	    {"id-every",
	     0,
	     0,
	     G_OPTION_ARG_INT,
	     &o.id_every,
	     "Give every Nth profile an explicit id (10; 0 for none)",
	     "N"},
	    {NULL}};
	g_autoptr(GOptionContext) context = g_option_context_new("DIR");
	g_autoptr(GError) error = NULL;
	g_autofree gchar *rulesets = NULL, *profiles = NULL;

	g_option_context_add_main_entries(context, entries, NULL);
	g_option_context_set_summary(context,
				     "Write a vocabulary, rulesets and profiles for benchmarks");
	if (!g_option_context_parse(context, &argc, &argv, &error) || argc != 2) {
		fprintf(stderr,
			"accord-generate: %s\n",
			error != NULL ? error->message : "give one output directory");
		return 2;
	}
	if (o.facts < 4 || o.rulesets < 1 || o.pillars < 1 || o.rules < 1 || o.criteria < 1 ||
	    o.profiles < 0 || o.evidence < 1 || o.first < 0 || o.id_every < 0) {
		fprintf(stderr, "accord-generate: every count must be positive (facts ≥ 4)\n");
		return 2;
	}
	rulesets = g_build_filename(argv[1], "rulesets", NULL);
	profiles = g_build_filename(argv[1], "profiles", NULL);
	if (g_mkdir_with_parents(rulesets, 0755) != 0 ||
	    g_mkdir_with_parents(profiles, 0755) != 0) {
		fprintf(stderr, "accord-generate: %s: %s\n", argv[1], g_strerror(errno));
		return 1;
	}
	if (!write_vocabulary(argv[1], &o))
		return 1;
	for (gint k = 1; k <= o.rulesets; k++) {
		if (!write_ruleset(argv[1], &o, k))
			return 1;
	}
	return write_profiles(argv[1], &o) ? 0 : 1;
}
