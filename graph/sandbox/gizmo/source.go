package gizmo

// This file is newsgraph's: program text goja could not compile safely.

// CheckSource refuses program text goja could not compile in bounded time
// and stack: more than lim.SourceBytes bytes, brackets nested deeper than
// lim.SourceDepth, or more than lim.SourceArrows arrow functions. goja's
// parser recurses on every nesting level (a 500,000-deep "((((…" overflows
// the goroutine stack, which kills the process), its compiler slows with
// depth, and neither can be interrupted. Zero fields of lim take the
// defaults. Brackets inside string literals and comments do not count.
//
// The other query languages use it too: GraphQL's parser recurses the
// same way.
func CheckSource(src string, lim Limits) error {
	lim = lim.withDefaults()
	if len(src) > lim.SourceBytes {
		return tooLarge("query is %d bytes, over this server's limit of %d", len(src), lim.SourceBytes)
	}
	depth, deepest, arrows := 0, 0, 0
	for i := 0; i < len(src); i++ {
		switch c := src[i]; c {
		case '\\':
			i++
		case '"', '\'':
			// To the closing quote; a string does not cross a line.
			for i++; i < len(src) && src[i] != c && src[i] != '\n'; i++ {
				if src[i] == '\\' {
					i++
				}
			}
		case '/':
			if i+1 < len(src) && src[i+1] == '/' {
				for i < len(src) && src[i] != '\n' {
					i++
				}
			} else if i+1 < len(src) && src[i+1] == '*' {
				end := i + 2
				for end+1 < len(src) && (src[end] != '*' || src[end+1] != '/') {
					end++
				}
				i = end + 1
			}
		case '(', '[', '{':
			depth++
			deepest = max(deepest, depth)
		case ')', ']', '}':
			depth = max(0, depth-1)
		case '=':
			if i+1 < len(src) && src[i+1] == '>' {
				arrows++
			}
		}
	}
	if deepest > lim.SourceDepth {
		return tooLarge("query nests brackets %d deep, over this server's limit of %d", deepest, lim.SourceDepth)
	}
	if arrows > lim.SourceArrows {
		return tooLarge("query has %d arrow functions, over this server's limit of %d", arrows, lim.SourceArrows)
	}
	return nil
}
