package extract

import "github.com/newsgraph/newsgraph/internal/prose"

// Clean canonicalises lines exactly as package source does when it reads
// them (internal/prose), so a line read and a line cleaned compare equal.

func normaliseLine(s string) string   { return prose.Line(s) }
func normalisedPiece(s string) string { return prose.Piece(s) }
func isLeadParagraph(s string) bool   { return prose.IsLeadParagraph(s) }
