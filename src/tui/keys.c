/* Key bindings: the one table from keys to actions; the session dispatches on actions. */
#include "keys.h"

#include <curses.h>

static const struct binding {
    int code;
    bool keycode;
    enum tui_action action;
} bindings[] = {
    {KEY_UP, true, TA_UP},         {'k', false, TA_UP},           {KEY_DOWN, true, TA_DOWN},
    {'j', false, TA_DOWN},         {KEY_PPAGE, true, TA_PAGE_UP}, {KEY_NPAGE, true, TA_PAGE_DOWN},
    {KEY_HOME, true, TA_HOME},     {KEY_END, true, TA_END},       {KEY_LEFT, true, TA_LEFT},
    {KEY_RIGHT, true, TA_RIGHT},   {KEY_ENTER, true, TA_CHOOSE},  {'\n', false, TA_CHOOSE},
    {'\r', false, TA_CHOOSE},      {' ', false, TA_TOGGLE},       {KEY_BACKSPACE, true, TA_BACK},
    {127, false, TA_BACK},         {8, false, TA_BACK},           {27, false, TA_CANCEL},
    {'\t', false, TA_FOCUS},       {'?', false, TA_HELP},         {KEY_F(1), true, TA_HELP},
    {'e', false, TA_EXPORT},       {'n', false, TA_NEW},          {'s', false, TA_SCAN},
    {'r', false, TA_REVIEW},       {'q', false, TA_QUIT},         {3, false, TA_INTERRUPT},
    {KEY_RESIZE, true, TA_RESIZE},
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
