#include "config.h"

#include "writer-private.h"

/* temporary: replaced by the real explain writers in this commit series */
void
accord_writer_explain_text(const AccordReport *report, GString *out)
{
	g_string_append(out, "(the explain view has no text writer yet)\n");
}

void
accord_writer_explain_markdown(const AccordReport *report, GString *out)
{
	g_string_append(out, "(the explain view has no markdown writer yet)\n");
}

void
accord_writer_explain_csv(const AccordReport *report, GString *out)
{
	g_string_append(out, "(the explain view has no csv writer yet)\n");
}

void
accord_writer_explain_json(const AccordReport *report, GString *out)
{
	g_string_append(out, "(the explain view has no json writer yet)\n");
}
