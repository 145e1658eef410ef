"""What the browser complains of while a page test runs: console errors, uncaught exceptions
and Content-Security-Policy violations (each is a fault the clerk never sees but that breaks
something: a blocked style, a failed script)."""

from __future__ import annotations

# Playwright's own init script runs before the page's scripts and outside its policy; a
# violation is reported as a console error, so it survives Reload like the other listeners.
VIOLATIONS_JS = """
document.addEventListener("securitypolicyviolation", e => console.error(
  "securitypolicyviolation: " + e.violatedDirective + " blocked " + (e.blockedURI || "inline") +
  " at " + e.sourceFile + ":" + e.lineNumber));
"""


class Console:
    """Listens to a browser context from its first page on; ``faults()`` is what went wrong,
    less what a test said to expect (the browser logs every refused upload as an error)."""

    def __init__(self) -> None:
        self.errors: list[str] = []
        self.expected: list[str] = []

    def watch(self, context) -> None:
        """Attach to ``context`` before any page opens (listeners added later miss the start)."""
        context.add_init_script(VIOLATIONS_JS)
        context.on("console", self.on_console)
        context.on("weberror", lambda error: self.errors.append(f"pageerror: {error.error}"))

    def on_console(self, message) -> None:
        if message.type == "error":
            self.errors.append(message.text)

    def expect(self, words: str) -> None:
        """An error the test causes on purpose, e.g. the 413 of a file over the upload limit."""
        self.expected.append(words)

    def faults(self) -> list[str]:
        """The errors no test expected, in the order they came."""
        return [error for error in self.errors if not any(words in error for words in self.expected)]
