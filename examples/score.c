/* The smallest program on libaccord: score one profile against one ruleset.
 * usage: score VOCABULARY RULESET PROFILE
 * Build: cc score.c $(pkg-config --cflags --libs accord) -o score */
#include <accord/accord.h>
#include <stdio.h>

int
main(int argc, char **argv)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(AccordVocabulary) vocab = NULL;
	g_autoptr(AccordRuleset) ruleset = NULL;
	g_autoptr(AccordProfile) profile = NULL;
	g_autoptr(AccordAssessment) assessment = NULL;
	AccordAssessmentOptions options;
	const AccordScoreItem *overall;

	if (argc != 4) {
		fprintf(stderr, "usage: %s VOCABULARY RULESET PROFILE\n", argv[0]);
		return 2;
	}
	accord_assessment_options_init(&options);
	if ((vocab = accord_vocabulary_load_file(argv[1], &error)) == NULL ||
	    (ruleset = accord_ruleset_load_file(argv[2], vocab, &error)) == NULL ||
	    (profile = accord_profile_load_file(argv[3], vocab, &error)) == NULL ||
	    (assessment = accord_assess(ruleset, profile, &options, &error)) == NULL) {
		fprintf(stderr, "score: %s\n", error->message);
		return 3;
	}
	overall = accord_score_get_overall(
	    accord_assessment_get_score(assessment, ACCORD_VARIANT_AS_GIVEN));
	printf("%s against %s: %.1f / 100 (coverage %.1f%%)\n",
	       accord_profile_get_country(profile),
	       accord_ruleset_get_id(ruleset),
	       overall->value,
	       100.0 * overall->coverage);
	return 0;
}
