/* Colour roles: every colour on screen is a role; one table maps roles to 256-colour,
 * 8-colour and monochrome attributes (colors.c). */
#ifndef LA_TUI_COLORS_H
#define LA_TUI_COLORS_H

#include <curses.h>

enum role {
    R_NORMAL,
    R_BAR,
    R_BORDER,
    R_BORDER_FOCUS,
    R_TITLE,
    R_HEADING,
    R_DIM,
    R_CHOICE,
    R_SELECTED,
    R_CHECKED,
    R_FIELD,
    R_ERROR,
    R_NOTE,
    R_STATUS,
    R_CODE_KEYWORD,
    R_CODE_STRING,
    R_CODE_COMMENT,
    R_CODE_NUMBER,
    R_CODE_MACRO,
    R_CODE_TYPE,
    R_CODE_ATTR,
    R_CODE_LIFETIME,
    R_SEV_ERROR,
    R_SEV_WARNING,
    R_SEV_NOTE,
    R_COUNT,
};

/* Picks the palette: none when NO_COLOR is set and not empty (no-color.org) or the terminal has no
 * colours, 8 or 256 colours otherwise. Call after initscr. */
void colors_init(void);
/* The attributes (colour pair included) for a role. */
attr_t colors_attr(enum role r);
/* How many colours are in use: 0, 8 or 256. */
int colors_depth(void);

#endif
