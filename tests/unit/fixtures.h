#pragma once

#include "helpers.h"

/* the hand-checkable fixtures in tests/data/good: vocabulary.xml, ruleset.xml and three
 * profiles; see the comments in ruleset.xml for the effective weights */
typedef struct {
	AccordVocabulary *vocab;
	AccordRuleset *ruleset;
} Fixture;

static inline void
fixture_load(Fixture *f)
{
	g_autoptr(GError) error = NULL;
	g_autofree gchar *vpath = test_data_path("good/vocabulary.xml");
	g_autofree gchar *rpath = test_data_path("good/ruleset.xml");

	f->vocab = accord_vocabulary_load_file(vpath, &error);
	assert_null(error);
	f->ruleset = accord_ruleset_load_file(rpath, f->vocab, &error);
	assert_null(error);
}

static inline void
fixture_clear(Fixture *f)
{
	accord_ruleset_unref(f->ruleset);
	accord_vocabulary_unref(f->vocab);
}

/* evaluates and scores one profile file (good/<name>) under the given options */
static inline AccordScore *
fixture_score(const Fixture *f,
	      const gchar *name,
	      const AccordScoreOptions *options,
	      AccordEvaluation **evaluation)
{
	g_autoptr(GError) error = NULL;
	g_autofree gchar *rel = g_strdup_printf("good/%s", name);
	g_autofree gchar *path = test_data_path(rel);
	g_autoptr(AccordProfile) profile = accord_profile_load_file(path, f->vocab, &error);
	AccordScore *score;

	assert_non_null(profile);
	*evaluation = accord_evaluate(f->ruleset, profile, &error);
	assert_non_null(*evaluation);
	score = accord_score_compute(*evaluation, options, &error);
	assert_null(error);
	return score;
}

static inline const AccordScoreItem *
rule_item(const Fixture *f, const AccordScore *score, const gchar *id)
{
	const AccordRule *rule = accord_ruleset_lookup_rule(f->ruleset, id);

	assert_non_null(rule);
	return accord_score_get_rule(score, rule);
}

static inline const AccordScoreItem *
pillar_item(const Fixture *f, const AccordScore *score, guint index)
{
	return accord_score_get_pillar(score, accord_ruleset_get_pillar(f->ruleset, index));
}
