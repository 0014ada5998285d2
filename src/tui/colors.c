/* Colour roles: one table, three palettes (256 colours, 8 colours, none). */
#include "colors.h"

#include <stdlib.h>

static const struct role_style {
    short fg256, bg256; /* -1: the terminal's default */
    short fg8, bg8;
    attr_t attr; /* added in every palette */
    attr_t mono; /* used instead of colour when there is none */
} styles[R_COUNT] = {
    [R_NORMAL] = {-1, -1, -1, -1, A_NORMAL, A_NORMAL},
    [R_BAR] = {231, 24, COLOR_WHITE, COLOR_BLUE, A_NORMAL, A_REVERSE},
    [R_BORDER] = {244, -1, COLOR_WHITE, -1, A_NORMAL, A_NORMAL},
    [R_BORDER_FOCUS] = {39, -1, COLOR_CYAN, -1, A_BOLD, A_BOLD},
    [R_TITLE] = {39, -1, COLOR_CYAN, -1, A_BOLD, A_BOLD},
    [R_HEADING] = {222, -1, COLOR_YELLOW, -1, A_BOLD, A_BOLD},
    [R_DIM] = {245, -1, COLOR_WHITE, -1, A_NORMAL, A_DIM},
    [R_CHOICE] = {-1, -1, -1, -1, A_NORMAL, A_NORMAL},
    [R_SELECTED] = {231, 25, COLOR_BLACK, COLOR_CYAN, A_BOLD, A_REVERSE},
    [R_CHECKED] = {114, -1, COLOR_GREEN, -1, A_BOLD, A_BOLD},
    [R_FIELD] = {231, 238, COLOR_BLACK, COLOR_WHITE, A_NORMAL, A_UNDERLINE},
    [R_ERROR] = {203, -1, COLOR_RED, -1, A_BOLD, A_BOLD},
    [R_NOTE] = {114, -1, COLOR_GREEN, -1, A_NORMAL, A_NORMAL},
    [R_STATUS] = {252, 236, COLOR_BLACK, COLOR_WHITE, A_NORMAL, A_REVERSE},
    [R_CODE_KEYWORD] = {176, -1, COLOR_MAGENTA, -1, A_BOLD, A_BOLD},
    [R_CODE_STRING] = {114, -1, COLOR_GREEN, -1, A_NORMAL, A_NORMAL},
    [R_CODE_COMMENT] = {245, -1, COLOR_CYAN, -1, A_NORMAL, A_DIM},
    [R_CODE_NUMBER] = {215, -1, COLOR_YELLOW, -1, A_NORMAL, A_NORMAL},
    [R_CODE_MACRO] = {75, -1, COLOR_BLUE, -1, A_BOLD, A_NORMAL},
    [R_CODE_TYPE] = {222, -1, COLOR_YELLOW, -1, A_NORMAL, A_NORMAL},
    [R_CODE_ATTR] = {109, -1, COLOR_CYAN, -1, A_NORMAL, A_NORMAL},
    [R_CODE_LIFETIME] = {180, -1, COLOR_RED, -1, A_NORMAL, A_NORMAL},
    [R_SEV_ERROR] = {203, -1, COLOR_RED, -1, A_BOLD, A_BOLD},
    [R_SEV_WARNING] = {221, -1, COLOR_YELLOW, -1, A_BOLD, A_BOLD},
    [R_SEV_NOTE] = {117, -1, COLOR_CYAN, -1, A_NORMAL, A_NORMAL},
};

static int depth;

void colors_init(void)
{
    depth = 0;
    const char *no = getenv("NO_COLOR");
    if ((no && *no) || !has_colors())
        return;
    if (start_color() == ERR)
        return;
    use_default_colors();
    depth = COLORS >= 256 && COLOR_PAIRS > R_COUNT ? 256 : 8;
    for (int r = 1; r < R_COUNT; r++) {
        const struct role_style *st = &styles[r];
        if (depth == 256)
            init_pair((short)r, st->fg256, st->bg256);
        else
            init_pair((short)r, st->fg8, st->bg8);
    }
}

attr_t colors_attr(enum role r)
{
    if (depth == 0)
        return styles[r].mono;
    return styles[r].attr | (r == R_NORMAL ? 0 : COLOR_PAIR(r));
}

int colors_depth(void)
{
    return depth;
}
