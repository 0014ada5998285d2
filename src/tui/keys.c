/* Key bindings: the one table from keys to actions; the session dispatches on actions. */
#include "keys.h"

#include <curses.h>

static const struct binding {
    int code;
    bool keycode;
    enum tui_action action;
} bindings[] = {
    {KEY_UP, true, TA_UP},
    {'k', false, TA_UP},
    {KEY_DOWN, true, TA_DOWN},
    {'j', false, TA_DOWN},
    {KEY_PPAGE, true, TA_PAGE_UP},
    {KEY_NPAGE, true, TA_PAGE_DOWN},
    {KEY_HOME, true, TA_HOME},
    {KEY_END, true, TA_END},
    {KEY_LEFT, true, TA_LEFT},
    {KEY_RIGHT, true, TA_RIGHT},
    {KEY_ENTER, true, TA_CHOOSE},
    {'\n', false, TA_CHOOSE},
    {'\r', false, TA_CHOOSE},
    {' ', false, TA_TOGGLE},
    {KEY_BACKSPACE, true, TA_BACK},
    {127, false, TA_BACK},
    {8, false, TA_BACK},
    {27, false, TA_CANCEL},
    {'\t', false, TA_FOCUS},
    {'?', false, TA_HELP},
    {KEY_F(1), true, TA_HELP},
    {'e', false, TA_EXPORT},
    {'n', false, TA_NEW},
    {'s', false, TA_SCAN},
    {'r', false, TA_REVIEW},
    {'q', false, TA_QUIT},
    {3, false, TA_INTERRUPT},
    {KEY_RESIZE, true, TA_RESIZE},
    {KEY_DC, true, TA_DELETE},
    {4, false, TA_DELETE},
    {1, false, TA_LINE_START},
    {5, false, TA_LINE_END},
    {21, false, TA_KILL_START},
    {11, false, TA_KILL_END},
    {23, false, TA_KILL_WORD},
    {12, false, TA_REDRAW},
    {26, false, TA_SUSPEND},
    {'/', false, TA_SEARCH},
    {'f', false, TA_FULL},
    {'y', false, TA_COPY},
    {'Y', false, TA_COPY_CMD},
    {']', false, TA_NEXT_SECTION},
    {'[', false, TA_PREV_SECTION},
    {KEY_BTAB, true, TA_FOCUS_BACK},
    {KEY_MOUSE, true, TA_MOUSE},
    {2, false, TA_LEFT},
    {6, false, TA_RIGHT},
    {'h', false, TA_LEFT},
    {'l', false, TA_RIGHT},
};

enum tui_action keys_action(int code, bool keycode)
{
    for (size_t i = 0; i < sizeof bindings / sizeof bindings[0]; i++)
        if (bindings[i].code == code && bindings[i].keycode == keycode)
            return bindings[i].action;
    if (!keycode && code >= ' ')
        return TA_CHAR;
    return TA_NONE;
}
