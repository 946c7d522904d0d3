package sandbox

import (
	"encoding/json"
	"reflect"
	"strconv"
	"unicode/utf8"
)

// jsonSize is about how many bytes encoding/json writes for v, counted
// only until the count passes budget: the walk stops there, so a value
// that holds one array many times over (which JSON writes out each time)
// costs budget to measure, not what it would take to write.
func jsonSize(v any, budget int64) int64 {
	var n int64
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		if n > budget {
			return
		}
		if !v.IsValid() {
			n += 4 // null
			return
		}
		switch v.Kind() {
		case reflect.Interface, reflect.Pointer:
			if v.IsNil() {
				n += 4
				return
			}
			if _, ok := v.Interface().(json.Marshaler); ok {
				n += marshalSize(v.Interface())
				return
			}
			walk(v.Elem())
		case reflect.String:
			n += stringSize(v.String())
		case reflect.Bool:
			n += 5
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
			n += int64(len(strconv.FormatInt(v.Int(), 10)))
		case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
			n += int64(len(strconv.FormatUint(v.Uint(), 10)))
		case reflect.Float32, reflect.Float64:
			n += int64(len(strconv.FormatFloat(v.Float(), 'g', -1, 64)))
		case reflect.Slice, reflect.Array:
			if v.Kind() == reflect.Slice && v.IsNil() {
				n += 4
				return
			}
			n += 2
			for i := 0; i < v.Len() && n <= budget; i++ {
				n++
				walk(v.Index(i))
			}
		case reflect.Map:
			if v.IsNil() {
				n += 4
				return
			}
			n += 2
			for it := v.MapRange(); it.Next() && n <= budget; {
				n += 2 + stringSize(keyString(it.Key()))
				walk(it.Value())
			}
		default: // structs (time.Time…), whatever else encodes itself
			n += marshalSize(v.Interface())
		}
	}
	walk(reflect.ValueOf(v))
	return n
}

func keyString(k reflect.Value) string {
	if k.Kind() == reflect.String {
		return k.String()
	}
	return "0000000000" // a number or a text marshaler: a guess is enough
}

// stringSize is a string's length as JSON: quoted, control characters and
// quotes escaped, invalid UTF-8 replaced.
func stringSize(s string) int64 {
	n := int64(len(s)) + 2
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"' || c == '\\':
				n++
			case c < 0x20:
				n += 5
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			n += 5 // \ufffd
		}
		i += size
	}
	return n
}

// marshalSize is the size of a value encoding/json writes itself; such
// values (times, quad values) are small.
func marshalSize(v any) int64 {
	b, err := json.Marshal(v)
	if err != nil {
		return 0
	}
	return int64(len(b))
}
