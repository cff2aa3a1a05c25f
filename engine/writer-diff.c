#include "config.h"

#include "writer-private.h"

/* temporary: replaced by the real diff writers in this commit series */
void
accord_writer_diff_text(const AccordReport *report, GString *out)
{
	g_string_append(out, "(the diff view has no text writer yet)\n");
}

void
accord_writer_diff_markdown(const AccordReport *report, GString *out)
{
	g_string_append(out, "(the diff view has no markdown writer yet)\n");
}

void
accord_writer_diff_csv(const AccordReport *report, GString *out)
{
	g_string_append(out, "(the diff view has no csv writer yet)\n");
}

void
accord_writer_diff_json(const AccordReport *report, GString *out)
{
	g_string_append(out, "(the diff view has no json writer yet)\n");
}
