/* Checks over the shipped data (rulesets/, profiles/): the data matters as much as the code.
 * Each check names the file and item it rejects. */
#include "unit/helpers.h"

typedef struct {
	AccordVocabulary *vocab;
	GPtrArray *rulesets; /* AccordRuleset* */
	GPtrArray *profiles; /* AccordProfile* */
} Shipped;

static GPtrArray *
list_xml(const gchar *kind)
{
	g_autofree gchar *dir = g_build_filename(SOURCE_ROOT, kind, NULL);
	g_autoptr(GDir) d = g_dir_open(dir, 0, NULL);
	GPtrArray *paths = g_ptr_array_new_with_free_func(g_free);
	const gchar *name;

	while (d != NULL && (name = g_dir_read_name(d)) != NULL) {
		if (g_str_has_suffix(name, ".xml") && g_strcmp0(name, "vocabulary.xml") != 0)
			g_ptr_array_add(paths, g_build_filename(dir, name, NULL));
	}
	return paths;
}

static int
setup(void **state)
{
	Shipped *s = g_new0(Shipped, 1);
	g_autofree gchar *vpath = g_build_filename(SOURCE_ROOT, "rulesets", "vocabulary.xml", NULL);
	g_autoptr(GPtrArray) rpaths = list_xml("rulesets");
	g_autoptr(GPtrArray) ppaths = list_xml("profiles");
	g_autoptr(GError) error = NULL;

	s->vocab = accord_vocabulary_load_file(vpath, &error);
	if (s->vocab == NULL) {
		print_error("%s\n", error->message);
		return -1;
	}
	s->rulesets = g_ptr_array_new_with_free_func((GDestroyNotify)accord_ruleset_unref);
	s->profiles = g_ptr_array_new_with_free_func((GDestroyNotify)accord_profile_unref);
	for (guint i = 0; i < rpaths->len; i++) {
		AccordRuleset *rs =
		    accord_ruleset_load_file(g_ptr_array_index(rpaths, i), s->vocab, &error);
		if (rs == NULL) {
			print_error("%s\n", error->message);
			return -1;
		}
		g_ptr_array_add(s->rulesets, rs);
	}
	for (guint i = 0; i < ppaths->len; i++) {
		AccordProfile *p =
		    accord_profile_load_file(g_ptr_array_index(ppaths, i), s->vocab, &error);
		if (p == NULL) {
			print_error("%s\n", error->message);
			return -1;
		}
		g_ptr_array_add(s->profiles, p);
	}
	*state = s;
	return 0;
}

static int
teardown(void **state)
{
	Shipped *s = *state;

	g_ptr_array_unref(s->rulesets);
	g_ptr_array_unref(s->profiles);
	accord_vocabulary_unref(s->vocab);
	g_free(s);
	return 0;
}

static void
test_data_ships_rulesets_and_profiles(void **state)
{
	Shipped *s = *state;

	/* the agreement rulesets and a profile for every party of them: 28 or more */
	assert_true(s->rulesets->len >= 2);
	assert_true(s->profiles->len >= 28);
}

static void
test_data_rules_have_citation_and_text(void **state)
{
	Shipped *s = *state;
	guint bad = 0;

	for (guint i = 0; i < s->rulesets->len; i++) {
		const AccordRuleset *rs = g_ptr_array_index(s->rulesets, i);
		for (guint r = 0; r < accord_ruleset_get_n_rules(rs); r++) {
			const AccordRule *rule = accord_ruleset_get_rule(rs, r);
			if (strlen(accord_rule_get_cite(rule)) < 5 ||
			    strlen(accord_rule_get_provision(rule)) < 20 ||
			    strlen(accord_rule_get_recommendation(rule)) < 20) {
				print_error(
				    "%s: rule %s lacks a citation, provision or recommendation\n",
				    accord_ruleset_get_id(rs),
				    accord_rule_get_id(rule));
				bad++;
			}
		}
	}
	assert_int_equal(bad, 0);
}

/* one paragraph, one text: two rules citing the same paragraph must quote it identically,
 * whichever ruleset they are in */
static void
test_data_same_cite_same_text(void **state)
{
	Shipped *s = *state;
	g_autoptr(GHashTable) seen = g_hash_table_new(g_str_hash, g_str_equal);
	guint bad = 0;

	for (guint i = 0; i < s->rulesets->len; i++) {
		const AccordRuleset *rs = g_ptr_array_index(s->rulesets, i);
		for (guint r = 0; r < accord_ruleset_get_n_rules(rs); r++) {
			const AccordRule *rule = accord_ruleset_get_rule(rs, r);
			const gchar *text = g_hash_table_lookup(seen, accord_rule_get_cite(rule));

			if (text != NULL && g_strcmp0(text, accord_rule_get_provision(rule)) != 0) {
				print_error(
				    "%s: rule %s quotes '%s' differently from another rule\n",
				    accord_ruleset_get_id(rs),
				    accord_rule_get_id(rule),
				    accord_rule_get_cite(rule));
				bad++;
			}
			g_hash_table_insert(seen,
					    (gpointer)accord_rule_get_cite(rule),
					    (gpointer)accord_rule_get_provision(rule));
		}
	}
	assert_int_equal(bad, 0);
}

/* a link a reader can follow to the page: http(s), a host, and a path beyond the root or a
 * query that names the page (https://example.org/?p=8371) */
static gboolean
is_page_link(const gchar *href)
{
	g_autoptr(GUri) uri = href != NULL ? g_uri_parse(href, G_URI_FLAGS_NONE, NULL) : NULL;
	const gchar *path = uri != NULL ? g_uri_get_path(uri) : NULL;

	return uri != NULL && g_uri_get_host(uri) != NULL &&
	       (g_strcmp0(g_uri_get_scheme(uri), "https") == 0 ||
		g_strcmp0(g_uri_get_scheme(uri), "http") == 0) &&
	       ((path != NULL && strlen(path) > 1) || g_uri_get_query(uri) != NULL);
}

static gboolean
is_notes(const AccordEvidence *ev)
{
	return g_str_has_prefix(accord_evidence_get_title(ev), "Accord research notes");
}

/* a high-confidence fact links a page; a medium one too, and at least one source that is not
 * the project's own notes */
static gboolean
fact_has_page(const AccordProfileFact *fact)
{
	for (guint e = 0; e < accord_profile_fact_get_n_evidence(fact); e++) {
		const AccordEvidence *ev = accord_profile_fact_get_evidence(fact, e);

		if (!is_notes(ev) && is_page_link(accord_evidence_get_href(ev)))
			return TRUE;
	}
	return FALSE;
}

static void
test_data_evidence_dated_and_high_confidence_linked(void **state)
{
	Shipped *s = *state;
	guint bad = 0;

	for (guint i = 0; i < s->profiles->len; i++) {
		const AccordProfile *p = g_ptr_array_index(s->profiles, i);
		for (guint f = 0; f < accord_profile_get_n_facts(p); f++) {
			const AccordProfileFact *fact = accord_profile_get_fact(p, f);
			const gchar *key =
			    accord_fact_def_get_key(accord_profile_fact_get_def(fact));

			if (accord_profile_fact_get_n_evidence(fact) == 0) {
				print_error("%s: fact %s has no evidence\n",
					    accord_profile_get_filename(p),
					    key);
				bad++;
			}
			for (guint e = 0; e < accord_profile_fact_get_n_evidence(fact); e++) {
				const AccordEvidence *ev =
				    accord_profile_fact_get_evidence(fact, e);
				if (accord_evidence_get_date(ev) == NULL) {
					print_error("%s: fact %s has undated evidence\n",
						    accord_profile_get_filename(p),
						    key);
					bad++;
				}
			}
			if (accord_profile_fact_get_confidence(fact) != ACCORD_CONFIDENCE_LOW &&
			    !fact_has_page(fact)) {
				print_error("%s: %s-confidence fact %s links no page (a URL with a "
					    "path, not the project's notes)\n",
					    accord_profile_get_filename(p),
					    accord_confidence_to_string(
						accord_profile_fact_get_confidence(fact)),
					    key);
				bad++;
			}
		}
	}
	assert_int_equal(bad, 0);
}

static void
collect_check_facts(const AccordCheck *check, GHashTable *used)
{
	if (check == NULL)
		return;
	if (accord_check_get_kind(check) == ACCORD_CHECK_FACT) {
		g_hash_table_add(used,
				 (gpointer)accord_fact_def_get_key(accord_check_get_fact(check)));
		return;
	}
	for (guint i = 0; i < accord_check_get_n_children(check); i++)
		collect_check_facts(accord_check_get_child(check, i), used);
}

static void
test_data_every_fact_used_or_informational(void **state)
{
	Shipped *s = *state;
	g_autoptr(GHashTable) used = g_hash_table_new(g_str_hash, g_str_equal);
	guint bad = 0;

	for (guint i = 0; i < s->rulesets->len; i++) {
		const AccordRuleset *rs = g_ptr_array_index(s->rulesets, i);
		for (guint c = 0; c < accord_ruleset_get_n_criteria(rs); c++) {
			const AccordCriterion *criterion = accord_ruleset_get_criterion(rs, c);
			collect_check_facts(accord_criterion_get_precondition(criterion), used);
			collect_check_facts(accord_criterion_get_check(criterion), used);
		}
	}
	for (guint f = 0; f < accord_vocabulary_get_n_facts(s->vocab); f++) {
		const AccordFactDef *def = accord_vocabulary_get_fact(s->vocab, f);
		gboolean is_used = g_hash_table_contains(used, accord_fact_def_get_key(def));

		if (is_used == accord_fact_def_is_informational(def)) {
			print_error("vocabulary: fact %s is %s\n",
				    accord_fact_def_get_key(def),
				    is_used ? "used by a ruleset but marked informational"
					    : "used by no ruleset and not marked informational");
			bad++;
		}
	}
	assert_int_equal(bad, 0);
}

static void
test_data_every_ruleset_scores_every_profile(void **state)
{
	Shipped *s = *state;

	for (guint i = 0; i < s->rulesets->len; i++) {
		for (guint j = 0; j < s->profiles->len; j++) {
			g_autoptr(GError) error = NULL;
			g_autoptr(AccordEvaluation) evaluation =
			    accord_evaluate(g_ptr_array_index(s->rulesets, i),
					    g_ptr_array_index(s->profiles, j),
					    &error);
			g_autoptr(AccordScore) score = NULL;
			AccordScoreOptions options;

			assert_non_null(evaluation);
			accord_score_options_init(&options);
			score = accord_score_compute(evaluation, &options, &error);
			assert_non_null(score);
			/* every ruleset has at least one criterion that applies to every country */
			assert_true(accord_score_get_overall(score)->applicable);
		}
	}
}

static gboolean
dated_source_ok(const AccordDatedSource *d)
{
	return d == NULL || (d->title != NULL && is_page_link(d->href));
}

static gboolean
has_profile(const Shipped *s, const gchar *country)
{
	for (guint i = 0; i < s->profiles->len; i++)
		if (g_strcmp0(accord_profile_get_country(g_ptr_array_index(s->profiles, i)),
			      country) == 0)
			return TRUE;
	return FALSE;
}

/* every date in the parties file has its source, every party a profile, and every agreement
 * ruleset an entry */
static void
test_data_parties_sourced_and_profiled(void **state)
{
	Shipped *s = *state;
	g_autofree gchar *path = g_build_filename(SOURCE_ROOT, "agreements", "parties.xml", NULL);
	g_autoptr(GError) error = NULL;
	g_autoptr(AccordParties) parties = accord_parties_load_file(path, &error);
	guint bad = 0;

	assert_non_null(parties);
	for (guint a = 0; a < accord_parties_get_n_agreements(parties); a++) {
		for (guint p = 0; p < accord_parties_get_n_parties(parties, a); p++) {
			const AccordParty *party = accord_parties_get_party(parties, a, p);

			if (!dated_source_ok(party->signed_on) ||
			    !dated_source_ok(party->in_force) ||
			    (party->signed_on == NULL && party->in_force == NULL)) {
				print_error("parties.xml: %s of %s: a date without its source\n",
					    party->country,
					    accord_parties_get_ruleset(parties, a));
				bad++;
			}
			if (!has_profile(s, party->country)) {
				print_error("parties.xml: %s, a party of %s, has no profile\n",
					    party->country,
					    accord_parties_get_ruleset(parties, a));
				bad++;
			}
		}
	}
	for (guint i = 0; i < s->rulesets->len; i++) {
		const gchar *id = accord_ruleset_get_id(g_ptr_array_index(s->rulesets, i));

		/* interop scores an industry proposal, not an agreement with parties */
		if (g_strcmp0(id, "interop") != 0 && !accord_parties_has_ruleset(parties, id)) {
			print_error("parties.xml: no entry for the agreement of ruleset %s\n", id);
			bad++;
		}
	}
	assert_int_equal(bad, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_data_ships_rulesets_and_profiles),
	    cmocka_unit_test(test_data_rules_have_citation_and_text),
	    cmocka_unit_test(test_data_same_cite_same_text),
	    cmocka_unit_test(test_data_evidence_dated_and_high_confidence_linked),
	    cmocka_unit_test(test_data_every_fact_used_or_informational),
	    cmocka_unit_test(test_data_every_ruleset_scores_every_profile),
	    cmocka_unit_test(test_data_parties_sourced_and_profiled),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
