#!/usr/bin/env bash
# The number field: its range on screen, invalid input refused with a message, fixed in place.
. "$LA_SRC/tests/lib.sh"
. "$LA_SRC/tests/tui/tmux_lib.sh"

tt_start 100 30
tt_path workload=io io_shape=single event_source=direct clients=none goals=cost
tt_wait "· memory_mb "
tt_wait "a whole number from 128 to 10240 MB"
# Out of range: refused, still on the same question, the value stays to be corrected.
tt_type 99999
tt_keys Enter
tt_wait "99999 is not valid here"
t_has "still on memory_mb" "$(tt_screen)" "· memory_mb "
t_hasnt "not in the breadcrumb" "$(tt_screen | head -1)" "MB"
# Letters are refused as they are typed.
tt_type x
tt_wait "Digits only"
# Backspace erases digits; an empty field says what to type.
tt_keys BSpace BSpace BSpace BSpace BSpace
tt_keys Enter
tt_wait "Type a whole number from 128 to 10240 MB"
tt_type 100
tt_keys Enter
tt_wait "100 is not valid here"
tt_keys BSpace BSpace BSpace
tt_type 3000
tt_keys Enter
tt_wait "· duration_ms "
t_has "accepted value in the breadcrumb" "$(tt_screen | head -1)" "3000 MB"
# The shown value (the default) is replaced by the first digit typed.
tt_type 7
tt_keys Enter
tt_wait "· native_deps "
t_has "typed over the default" "$(tt_screen | head -1)" "› 7 ms"
tt_keys C-c
t_eq "Ctrl-C exit code" "$(tt_exit_code)" 130
tt_stop
t_done
