#include "config.h"

#include "writer-private.h"

/* temporary: replaced by the real compare writers in this commit series */
void
accord_writer_compare_text(const AccordReport *report, GString *out)
{
	g_string_append(out, "(the compare view has no text writer yet)\n");
}

void
accord_writer_compare_markdown(const AccordReport *report, GString *out)
{
	g_string_append(out, "(the compare view has no markdown writer yet)\n");
}

void
accord_writer_compare_csv(const AccordReport *report, GString *out)
{
	g_string_append(out, "(the compare view has no csv writer yet)\n");
}

void
accord_writer_compare_json(const AccordReport *report, GString *out)
{
	g_string_append(out, "(the compare view has no json writer yet)\n");
}
