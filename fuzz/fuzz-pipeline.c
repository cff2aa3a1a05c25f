#include <accord/accord.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int
LLVMFuzzerInitialize(int *argc, char ***argv);
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The whole path the CLI takes: load → evaluate → waivers → score → report → every format.
 * An input is one options byte, then up to five documents separated by the byte 0x1e (ASCII
 * record separator, which no XML document may hold): profile, ruleset, vocabulary, tailoring,
 * waivers. A profile, ruleset or vocabulary left out or empty is the one of tests/data/good
 * (FUZZ_DATA_DIR); a tailoring or waivers left out is none. fuzz/make-seeds.sh builds seeds
 * in this form from tests/data. */

#define SEPARATOR '\x1e'

/* roadmap and explain re-score once per change or criterion they try; beyond this many
 * criteria only the score and gap reports are made, so 16 MB inputs stay fast */
#define MAX_CRITERIA_FOR_PLANS 500

enum { PART_PROFILE, PART_RULESET, PART_VOCABULARY, PART_TAILORING, PART_WAIVERS, N_PARTS };

static const gchar *default_files[] = {"profile-a.xml", "ruleset.xml", "vocabulary.xml"};
static GBytes *defaults[3];

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	g_log_set_always_fatal(G_LOG_LEVEL_CRITICAL);
	for (guint i = 0; i < G_N_ELEMENTS(default_files); i++) {
		g_autofree gchar *path = g_build_filename(FUZZ_DATA_DIR, default_files[i], NULL);

		defaults[i] = accord_input_read(path, ACCORD_INPUT_NONE, NULL);
		if (defaults[i] == NULL)
			abort();
	}
	return 0;
}

/* NULL (or FALSE) if and only if an Accord error is set */
static void
check(gboolean ok, const GError *error)
{
	if (ok == (error != NULL) || (error != NULL && error->domain != ACCORD_ERROR))
		abort();
}

/* every format of @document (taken), each render an Accord error or bytes */
static void
render_all(AccordDocument *document)
{
	g_autoptr(AccordDocument) owned = document;

	for (AccordFormat format = ACCORD_FORMAT_TEXT; format <= ACCORD_FORMAT_HTML; format++) {
		g_autoptr(GError) error = NULL;
		g_autoptr(GBytes) bytes = accord_document_render(owned, format, &error);

		check(bytes != NULL, error);
	}
}

/* the views of one assessment the CLI writes for one country: score, gaps, and for rulesets
 * small enough to plan, the roadmap and the explanation */
static void
write_views(const AccordAssessment *assessment, gboolean plans)
{
	const AccordScore *score = accord_assessment_get_score(assessment, ACCORD_VARIANT_AS_GIVEN);
	g_autoptr(AccordGapList) gaps = accord_gaps_compute(score);
	g_autoptr(GError) error = NULL;
	g_autoptr(AccordRoadmap) roadmap = NULL;
	g_autoptr(AccordExplanation) explanation = NULL;
	AccordRoadmapOptions options;

	render_all(accord_score_to_document(assessment));
	render_all(accord_gaps_to_document(assessment, gaps));
	if (!plans)
		return;
	accord_roadmap_options_init(&options);
	roadmap = accord_roadmap_new(&assessment, 1, &options, &error);
	check(roadmap != NULL, error);
	if (roadmap != NULL)
		render_all(accord_roadmap_to_document(roadmap));
	g_clear_error(&error);
	explanation = accord_explanation_new(score, &error);
	check(explanation != NULL, error);
	if (explanation != NULL)
		render_all(accord_explanation_to_document(assessment, explanation));
}

typedef struct {
	AccordVocabulary *vocab;
	AccordRuleset *ruleset;
	AccordProfile *profile;
	AccordTailoring *tailoring;
	AccordWaiverList *waivers;
} Inputs;

static void
inputs_clear(Inputs *in)
{
	g_clear_pointer(&in->waivers, accord_waiver_list_unref);
	g_clear_pointer(&in->tailoring, accord_tailoring_unref);
	g_clear_pointer(&in->profile, accord_profile_unref);
	g_clear_pointer(&in->ruleset, accord_ruleset_unref);
	g_clear_pointer(&in->vocab, accord_vocabulary_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(Inputs, inputs_clear)

/* part @index of the input, or the default document; sets *@len, NULL when there is none */
static const gchar *
part_or_default(const GPtrArray *parts, const GArray *lens, guint index, gsize *len)
{
	if (index < parts->len && g_array_index(lens, gsize, index) > 0) {
		*len = g_array_index(lens, gsize, index);
		return g_ptr_array_index(parts, index);
	}
	if (index >= G_N_ELEMENTS(defaults))
		return NULL;
	return g_bytes_get_data(defaults[index], len);
}

/* loads what the input gives, as the CLI's loaders do; FALSE when a document is refused */
static gboolean
load_inputs(const GPtrArray *parts, const GArray *lens, Inputs *in)
{
	g_autoptr(GError) error = NULL;
	const gchar *text;
	gsize len = 0;

	text = part_or_default(parts, lens, PART_VOCABULARY, &len);
	in->vocab = accord_vocabulary_load_data(text, len, "vocabulary", &error);
	check(in->vocab != NULL, error);
	if (in->vocab == NULL)
		return FALSE;
	text = part_or_default(parts, lens, PART_RULESET, &len);
	in->ruleset = accord_ruleset_load_data(text, len, "ruleset", in->vocab, &error);
	check(in->ruleset != NULL, error);
	if (in->ruleset == NULL)
		return FALSE;
	text = part_or_default(parts, lens, PART_PROFILE, &len);
	in->profile = accord_profile_load_data(text, len, "profile", in->vocab, &error);
	check(in->profile != NULL, error);
	if (in->profile == NULL)
		return FALSE;
	text = part_or_default(parts, lens, PART_TAILORING, &len);
	if (text != NULL) {
		in->tailoring = accord_tailoring_load_data(text, len, "t", in->ruleset, &error);
		check(in->tailoring != NULL, error);
		if (in->tailoring == NULL)
			return FALSE;
	}
	text = part_or_default(parts, lens, PART_WAIVERS, &len);
	if (text != NULL) {
		in->waivers = accord_waiver_list_load_data(text, len, "waivers", &error);
		check(in->waivers != NULL, error);
	}
	return text == NULL || in->waivers != NULL;
}

/* the pipeline of accord_assess() (evaluate, waivers on a fixed day, score) under
 * @options, then every view */
static void
run_views(const Inputs *in, const AccordScoreOptions *options)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(AccordAssessment) assessment = NULL;
	AccordAssessmentOptions o;

	accord_assessment_options_init(&o);
	o.score = *options;
	o.waivers = in->waivers;
	o.date = "2026-03-01";
	assessment = accord_assess(in->ruleset, in->profile, &o, &error);
	check(assessment != NULL, error);
	if (assessment != NULL)
		write_views(assessment,
			    accord_ruleset_get_n_criteria(in->ruleset) <= MAX_CRITERIA_FOR_PLANS);
}

/* the options byte: model (5), aggregation (2) and unknown policy (3); a combination the
 * engine refuses (geometric with an XCCDF model) must come back as a usage error */
static void
options_from_byte(guint8 byte, const Inputs *in, AccordScoreOptions *options)
{
	accord_score_options_init(options);
	options->model = byte % 5;
	options->aggregation = (byte / 5) % 2;
	options->unknown = (byte / 10) % 3;
	options->tailoring = in->tailoring;
}

/* splits the documents at each separator; they point into @data */
static void
split_parts(const gchar *data, gsize size, GPtrArray *parts, GArray *lens)
{
	gsize start = 0;

	for (gsize i = 0; i <= size && parts->len < N_PARTS; i++) {
		gsize len = i - start;

		if (i < size && data[i] != SEPARATOR)
			continue;
		g_ptr_array_add(parts, (gpointer)(data + start));
		g_array_append_val(lens, len);
		start = i + 1;
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	g_autoptr(GPtrArray) parts = g_ptr_array_new();
	g_autoptr(GArray) lens = g_array_new(FALSE, FALSE, sizeof(gsize));
	g_auto(Inputs) in = {NULL, NULL, NULL, NULL, NULL};
	AccordScoreOptions options;

	if (size == 0)
		return 0;
	split_parts((const gchar *)data + 1, size - 1, parts, lens);
	if (!load_inputs(parts, lens, &in))
		return 0;
	options_from_byte(data[0], &in, &options);
	run_views(&in, &options);
	return 0;
}
