#pragma once
// Escaping untrusted text (file names, URLs, header values) before it reaches a terminal or a
// log line: a file name holding a newline or an ANSI escape sequence must not forge log lines
// or repaint the user's terminal.

#include <string>
#include <string_view>

namespace secnlp {

// `text` with every control character written as a visible escape: \n, \r, \t, \xHH for the
// other C0 bytes (0x00-0x1f) and DEL (0x7f), and \u0080..\u009f for the UTF-8-encoded C1
// controls (a lone byte 0x80-0x9f is invalid UTF-8 and passes as is). Everything else, UTF-8
// and backslashes included, is unchanged, so escaping twice changes nothing more. Linear.
std::string escape_control(std::string_view text);

}  // namespace secnlp
