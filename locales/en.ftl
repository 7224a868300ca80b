# resplist's messages in English. Every message here is also in zh-CN.ftl, with the same
# arguments (a test checks it). Codes, ids, paths and TOML keys are written as they are.

## Levels and headings

level-error = error
level-warning = warning
level-help = help
code-table-head = | code | level | problem |
markdown-table-head = | | code | where | problem | how to fix |

## The summary line of `check`

check-summary = { $name }: { $departments ->
        [one] 1 department
       *[other] { $departments } departments
    }, { $duties ->
        [one] 1 main duty
       *[other] { $duties } main duties
    }, { $items ->
        [one] 1 work item
       *[other] { $items } work items
    }, { $boundaries ->
        [one] 1 boundary
       *[other] { $boundaries } boundaries
    }, { $supervision ->
        [one] 1 supervision regime
       *[other] { $supervision } supervision regimes
    }, { $services ->
        [one] 1 public service
       *[other] { $services } public services
    }{ $unread } — { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] 1 warning
       *[other] { $warnings } warnings
    }
check-summary-unread = { $entries ->
        [0] {""}
        [one] ; 1 more entry could not be read
       *[other] ; { $entries } more entries could not be read
    }{ $files ->
        [0] {""}
        [one] ; 1 file could not be read
       *[other] ; { $files } files could not be read
    }
summary-errors = { $n ->
        [one] 1 error
       *[other] { $n } errors
    }

## The codes, as README's table shows them

code-E0001 = file is not UTF-8
code-E0002 = file cannot be read
code-E0003 = file is too large
code-E0004 = file is empty
code-E0005 = no `departments/` folder
code-E0006 = no department files
code-E0101 = TOML syntax error
code-E0102 = unknown field
code-E0103 = missing or empty required field
code-E0104 = wrong type
code-E0105 = value not in its list
code-E0106 = invalid id
code-E0107 = unknown section
code-E0108 = unknown power
code-E0109 = unknown department
code-E0110 = duplicate id
code-E0111 = invalid phone number
code-E0112 = invalid or unsafe link
code-E0113 = Chinese (full-width) punctuation where TOML needs ASCII
code-E0114 = a search setting that cannot be used (an empty example, a malformed synonym group)
code-E0115 = a boundary's topic is not in the catalogue (topics.toml)
code-E0116 = two boundaries of one jurisdiction name the same topic
code-E0117 = a member of the workspace is not a project that can be read
code-E0201 = work item names a power that is not retained
code-E0202 = transferred or delegated power that does not say who exercises it
code-E0203 = boundary partner is the lead department
code-E0204 = boundary partner repeated
code-E0205 = two boundaries with the same title
code-E0206 = mock-case step by a department outside the boundary
code-E0207 = power-category supervision regime without powers
code-E0208 = supervised power's status does not fit the category
code-W0001 = symlink to outside the project not followed
code-W0201 = cancelled, transferred or delegated power without supervision
code-W0202 = licensing power without supervision
code-W0203 = duty without work items
code-W0204 = section not used
code-W0205 = power not referred to
code-W0206 = department without public services
code-W0207 = boundary partner absent from the mock case
code-W0208 = example content from `init` or `new` not yet replaced
code-W0209 = two boundaries that look like one matter, led by different departments

## Finding and reading the files

cannot-open-project = cannot open project directory `{ $dir }`
project-not-a-directory = `{ $dir }` is not a directory; give the folder that holds resplist.toml
cannot-read-project = cannot read project directory `{ $dir }`
no-site-file = no resplist.toml in `{ $dir }`: this is not a resplist project; give the folder that holds resplist.toml, or create one (see docs/format.md)
no-departments-dir = the project has no `departments/` folder
no-departments-dir-help = create `departments/` next to resplist.toml and put one `<id>.toml` file per department in it
no-department-files = `departments/` holds no department files
no-department-files-help = add one `<id>.toml` file per department, e.g. `departments/huanbao.toml` with `name = "…"`
duplicate-department-id = department id `{ $id }` is used by two files
duplicate-department-id-help = the file stem is the department's id and must be unique: rename this file or `{ $other }`
reserved-file-name = `{ $stem }` is a name Windows reserves for a device
reserved-file-name-help = a file named `{ $stem }.toml` cannot be checked out or published on Windows (nor con, prn, aux, nul, com1–com9, lpt1–lpt9): rename the file, e.g. `{ $stem }-ju.toml`
bad-file-name = the file name `{ $stem }.toml` is not a valid department id
bad-file-name-help = the file stem is the department's id: lowercase ASCII letters, digits and hyphens, starting with a letter or digit, at most 64 characters (e.g. `huanbao.toml`); put the Chinese name in `name = "…"`
link-folder-outside = `{ $path }` is a link to a folder outside the project; nothing in it was read
link-folder-outside-help = move the folder into the project instead of linking to it
toml-folder = `{ $path }` is a folder, not a department file
toml-folder-help = only files may end in `.toml` here; rename the folder
link-file-outside = `{ $path }` is a link to a file outside the project; it was not read
link-file-outside-help = copy the file into the project instead of linking to it
folder-loop = this folder is a symbolic link that loops back to one of its parents
folder-loop-help = remove the link
link-loop = this is a symbolic link that points to itself or goes round in a loop of links
link-loop-help = remove the link, or point it at a real file inside the project
cannot-read-folder = cannot read this folder: { $reason }
folder-permission-help = you are not allowed to open this folder; fix its permissions (`chmod u+rx`)
folder-check-help = check that the folder exists and that you may read it
too-large = the file is larger than { $mib } MiB
too-large-help = a department list is far smaller than this: check that this is really a department file and not an export or a dump
cannot-read-file = cannot read the file: { $reason }
file-link-loop-help = this is a symbolic link that points to itself or loops; remove it
file-permission-help = you are not allowed to read this file; fix its permissions (`chmod u+r`)
file-missing-help = the file disappeared or is a broken link; remove the link or restore the file
file-check-help = check that the file exists and that you may read it
utf16 = the file is UTF-16, not UTF-8
utf16-help = save it as UTF-8: in Notepad or WPS, "Save As" with the encoding UTF-8; on Linux or macOS: iconv -f UTF-16 -t UTF-8 old.toml > new.toml
gbk = the file is not UTF-8; it looks like GBK (GB2312/GB18030), the encoding older Windows editors save Chinese in
gbk-help = save it as UTF-8: in Notepad or WPS, "Save As" with the encoding UTF-8; on Linux or macOS: iconv -f GBK -t UTF-8 old.toml > new.toml
not-utf8 = the file is not valid UTF-8 text
not-utf8-help = save the file as UTF-8 in your editor; if it came from another program, check that it is a text file
office-file = this is a Word, WPS or Excel document, not a text file

## Chinese punctuation typed where TOML needs ASCII (E0113)
cn-quotes = line { $line }: the quotes { $open }…{ $close } are Chinese (full-width); type English quotes { $wanted }…{ $wanted } instead
cn-punct = line { $line }: the { $name } `{ $typed }` is Chinese (full-width); type { $wanted } instead
cn-punct-label = type { $wanted } here
cn-char = `{ $char }`
cn-half-width-space = an ordinary (half-width) space
cn-name-quote = quote
cn-name-single-quote = single quote
cn-name-comma = comma
cn-name-colon = colon
cn-name-equals = equals sign
cn-name-bracket = bracket
cn-name-brace = brace
cn-name-marks = punctuation
cn-name-space = full-width space
cn-punct-help = a Chinese input method types full-width punctuation: switch the input method to English (half-width) punctuation, usually with Shift or Ctrl+., and type the mark again. Inside quotes, Chinese punctuation is fine
office-file-help = the list is written in plain text: open the file in Notepad (or VS Code) and type it there; to take text from the document, copy it and paste it into Notepad, then save the file as UTF-8 with its `.toml` name
empty-file = the file is empty
empty-site-file-help = resplist.toml needs at least a [site] table with `title` and `jurisdiction`; see docs/format.md
empty-department-file-help = a department file needs at least `name = "…"`; see docs/format.md, or delete the file
no-site-table = resplist.toml has no `[site]` table
no-site-table-help = start the file with a `[site]` line, followed by `title = "…"` and `jurisdiction = "…"`; see docs/format.md

## TOML syntax and types

toml-syntax = TOML syntax error: { $detail }
toml-syntax-label = here

## Syntax errors, in the words of what was typed
syntax-no-value = `{ $key }` has nothing after its `=`
syntax-no-value-label = the value is missing here
syntax-no-value-help = write the value after the equals sign, text in double quotes: `{ $key } = "…"`; if the field is not needed, delete the line
syntax-unquoted = the text `{ $value }` has no quotes around it
syntax-unquoted-label = put this in double quotes
syntax-unquoted-help = write it as `"{ $value }"`, in English double quotes (TOML needs every string value quoted); numbers, dates and true/false go without quotes
syntax-closing-quote = line { $line }: the text ends with a Chinese quote `”`; type an English `"` instead
syntax-unclosed-string = this text has no closing quote `"`
syntax-control-char = the text holds an invisible control character here
syntax-control-char-help = delete it and type the text around it again (text copied from other programs sometimes carries such characters); a line break inside text belongs between `"""` and `"""`
syntax-unclosed-string-help = end the text with `"` on the same line; to put a double quote inside the text write `\"`, and write text of several lines between `"""` and `"""`
syntax-unclosed-multiline = the text that starts with three quotes is never closed
syntax-unclosed-multiline-help = end it with the same three quotes (`"""` or `'''`)
syntax-backslash = a backslash `\` in the text is followed by a character it cannot escape
syntax-backslash-help = in double-quoted text a backslash starts an escape such as `\n`; to write a backslash itself, type it twice: `\\`
syntax-unclosed-list = the list has no closing `]`
syntax-unclosed-list-help = a list is written `["first", "second"]`, ending with `]`
syntax-unclosed-header = the header has no closing `]`
syntax-unclosed-header-help = a header is written in matching brackets, such as `[[sections]]` or `[[duties.items]]`
syntax-extra = there is more on this line after its value
syntax-extra-help = write one `name = value` per line; to keep more text, put it inside the same quotes, or start a new line with its own name
syntax-no-equals = this line has no equals sign `=`
syntax-no-equals-help = every line is `name = value`, such as `name = "春江县教育局"`; a name has no spaces in it
syntax-bad-key = the name before the `=` is not a field name
syntax-bad-key-help = field names are written in English letters, digits, `-` and `_`, such as `name` or `phone` (docs/format.md lists them); Chinese text belongs on the right of the `=`, in quotes
syntax-missing-comma = a comma `,` is missing between two entries of the list
syntax-missing-comma-help = separate the entries of a list with English commas: `["first", "second"]`
syntax-extra-comma = there is a comma too many in this list
syntax-extra-comma-help = delete the extra comma: entries are separated by one `,`
syntax-extra-equals = there is an equals sign `=` too many here
syntax-extra-equals-help = a line has one `=`, between the name and the value; an `=` inside text goes inside the quotes
syntax-bad-number = `{ $value }` is not a valid number or date
syntax-bad-number-help = a date is written `2024-03-01`; if this is text, put it in double quotes: `"{ $value }"`
toml-syntax-help = check the TOML syntax near this point: strings need double quotes, `[[…]]` starts a new list entry, keys are `name = value`
too-deep = nested too deeply: more than { $max } levels of arrays, inline tables or dotted keys
too-deep-label = too deep here
too-deep-help = a department file never needs more than three levels (a work item inside a duty); remove the extra brackets, braces or dots
duplicate-key = duplicate key `{ $key }`
duplicate-key-label = defined again here
duplicate-key-help = each key may appear once per table; remove or rename one of them (a new `[[…]]` header starts a new entry)
missing-field = missing required field `{ $field }`
missing-field-label = in this table
missing-field-top-label = this file has no such line
missing-field-top-help = add `{ $field } = …` near the top of the file, before the first `[…]` header; docs/format.md lists the required fields
missing-field-table-help = add `{ $field } = …` to this `{ $table }`; docs/format.md lists the required fields
missing-field-inline-help = add `{ $field } = …`; docs/format.md lists the required fields
unknown-field = unknown field `{ $field }`
unknown-field-label = not a field of this table
unknown-field-help = { $suggest }{ $fields }{ $inside }
did-you-mean = did you mean `{ $name }`?{ " " }
did-you-mean-id = did you mean the id `{ $id }` ({ $name })?{ " " }
fields-allowed = the fields allowed here are: { $fields }
no-fields-allowed = this table takes no fields; remove it
key-inside-header = . This key is inside `{ $header }`: a key belongs to the table whose header comes before it, so move it above that header if it belongs elsewhere
nested-header-help = `{ $key }` is part of another table: write its header as `[[{ $path }]]` (a work item, for example, is `[[duties.items]]`, under its duty)
bad-enum = { $what } `{ $value }` is not a valid value
bad-enum-label = not in the list
bad-enum-help = { $suggest }use one of: { $choices } (the English key or the Chinese label)
wrong-type = wrong type: this is { $found }, but { $expected } is expected
wrong-type-label = expected { $expected }
wrong-value = { $detail }
wrong-value-help = check the value's type against docs/format.md
type-text = text in quotes
type-list = a list
type-table = a table
type-bool = true or false
type-number = a whole number
type-other = { $name }
type-text-help = put the text in double quotes, e.g. `name = "污染防治科"`
type-list-help = write a list in brackets, e.g. `basis = ["三定方案"]`, or for a list of entries one `[[name]]` header per entry
type-table-help = this must be a table: use a `[name]` or `[[name]]` header (see docs/format.md)
type-bool-help = write `true` or `false` without quotes
type-number-help = write a whole number without quotes, e.g. `order = 10`
type-other-help = write { $expected } here; see docs/format.md

## Single values

empty-field = `{ $field }` is empty
empty-field-help = `{ $field }` is required: write its text between the quotes
empty-list-help = `{ $field }` needs at least one entry: { $what }
basis-needed = the legal basis (职责法定), e.g. `basis = ["三定方案"]`
partners-needed = at least one `[[boundaries.partners]]` with `department` and `duty`
measures-needed = the concrete measures, e.g. `measures = ["每季度书面检查不少于1次"]`
empty-id = the { $what } id is empty
empty-id-help = give it an id such as `d01` or `water-pollution`
bad-id = `{ $id }` is not a valid { $what } id
bad-id-help = ids use lowercase ASCII letters, digits and hyphens, start with a letter or digit, and have at most 64 characters
bad-id-try-help = ids use lowercase ASCII letters, digits and hyphens, start with a letter or digit, and have at most 64 characters: try `{ $id }`
duplicate-id = duplicate { $what } id `{ $id }`
duplicate-id-help = another { $what } in this file already has this id; give each { $what } its own id
duplicate-id-first = first { $what } with this id
reserved-boundary-id = `{ $id }` is a name Windows reserves for a device
reserved-boundary-id-help = a boundary's id names its page (`boundaries/<id>.html`), which cannot exist on Windows under this name: choose another id
published-not-a-date = `published` must be a date without a time
search-example-empty = an example query is empty
search-example-empty-help = write a word residents would type, e.g. "油烟扰民", or delete the empty ""
synonym-empty = a synonym is empty
synonym-empty-help = write the word, or delete the empty ""
synonym-repeated = "{ $word }" is written twice in this synonym group
synonym-repeated-help = delete one of them
synonym-too-few = this synonym group has { $count } { $count ->
        [one] word
       *[other] words
    }; a group needs two or more different words to find each other
synonym-too-few-help = add a word that means the same, as in ["噪音", "噪声"], or delete the group
published-not-a-date-help = write the edition date as a TOML date without quotes, e.g. `published = 2015-10-15`
empty-phone = the phone number is empty
empty-phone-help = write the number, e.g. `0571-6310 0001`, or delete the line
bad-phone = `{ $phone }` is not a valid phone number
bad-phone-help = { $problem }; for example `0571-6310 0001` or `0571-6310 0001 转 8001`
phone-extension-digits = the extension after `转` or `ext.` must be digits
phone-full-width-digits = use ASCII digits 0–9 (not full-width digits)
phone-one-number = give one number per field
phone-characters = only digits, spaces, hyphens, parentheses and a leading + are allowed
phone-too-short = a phone number has at least 5 digits
full-width-in-phone = the phone number `{ $phone }` has a full-width `{ $typed }`
full-width-label = should be `{ $wanted }`
full-width-in-id = the { $what } id `{ $id }` has a full-width `{ $typed }`
full-width-in-reference = `{ $id }` has a full-width `{ $typed }`
placeholder = the { $field } of this { $what } is still the template's example: { $value }
placeholder-label = example content
placeholder-of = the { $field } of the { $what } is still the template's example: { $value }
one-lead-titles = the boundary “{ $title }” ({ $lead } leads) looks like the same matter as “{ $other }” ({ $other_lead } leads)
one-lead-partners = { $lead } leads “{ $title }” with { $other_lead } as a partner, and { $other_lead } leads “{ $other }” with { $lead } as a partner
one-lead-label = one matter, two leads?
one-lead-elsewhere = the other is in { $file }; { $help }
one-lead-other = the other boundary
one-lead-help = one matter has one lead: if these are the same matter, the two departments agree which of them leads and merge them into one boundary, the other department a partner in its [[boundaries.partners]]; if they are different matters, make the titles say how
placeholder-site-help = write your own here; `resplist build` does not publish while example content remains (`--allow-placeholders` publishes anyway)
placeholder-help = write this department's own content here, or delete the entry if it is not needed; `resplist build` does not publish while example content remains (`--allow-placeholders` publishes anyway)
full-width-id-help = `{ $typed }` was typed with Chinese (full-width) input; switch the input method to English (half-width) and write the id `{ $id }`
full-width-help = `{ $typed }` was typed with Chinese (full-width) input; switch the input method to English (half-width) and type `{ $wanted }`
bad-link = `{ $field }` is not a link resplist can publish
bad-link-help = write a full address starting with { $schemes } and without spaces

## References

unknown-section = unknown section `{ $id }`
unknown-power = unknown power `{ $id }`
unknown-department = unknown department `{ $id }`
id-list = { $ids }
id-list-more = { $ids } and { $more } more
known-ids-file = { $suggest }the { $what } ids of this file are: { $list }; or add a `{ $table }` entry with this id
no-ids-file = { $suggest }this file declares no { $what }: add a `{ $table }` entry with this id
known-departments = { $suggest }the departments of this project are: { $list }; or create `departments/<id>.toml`
no-departments = { $suggest }the project has no departments yet: create `departments/<id>.toml`
item-power-not-retained = work item names power `{ $id }`, which is { $status }
item-power-not-retained-help = powers cancelled, transferred or delegated in the power list are not listed as work items: remove the work item, or remove the power from `powers`

## Powers and supervision

missing-delegate = power `{ $id }` is { $status } ({ $label }) but does not say to whom
missing-delegate-help = add `delegated_to = "…"` naming who exercises the power now, e.g. "各乡镇人民政府（街道办事处）"
regime-without-powers = supervision regime `{ $id }` is of category { $category } ({ $label }) but names no powers
regime-without-powers-help = add `powers = ["…"]` with the ids of the { $status } ({ $label }) powers it supervises
regime-status-mismatch = power `{ $id }` is { $status } ({ $status_label }), but regimes of category { $category } ({ $category_label }) supervise { $required } ({ $required_label }) powers
regime-status-mismatch-help = move the power to a regime of the fitting category, or correct the power's `status` (approval ↔ retained, cancelled-power ↔ cancelled, transferred-power ↔ transferred, delegated-power ↔ delegated)
reduced-power-unsupervised = { $status } ({ $label }) power `{ $id }` ({ $name }) is covered by no supervision regime
reduced-power-unsupervised-help = reducing powers must not reduce responsibility (减权不减责): add a `[[supervision]]` regime of category { $category } ({ $label }) that lists `{ $id }` in `powers`
licensing-unsupervised = licensing power `{ $id }` ({ $name }) is covered by no supervision regime
licensing-unsupervised-help = add a `[[supervision]]` regime of category approval (审批事项) that lists `{ $id }` in `powers`
unused-power = power `{ $id }` ({ $name }) is referred to by no work item or supervision regime
unused-power-help = name it in a work item's `powers` or a regime's `powers`, or remove it from this list
duty-without-items = duty `{ $id }` has no work items
duty-without-items-help = break the duty down into `[[duties.items]]`, each with `text` and the responsible `section`
unused-section = section `{ $id }` ({ $name }) is responsible for nothing
unused-section-help = assign it a work item, supervision regime or service with `section = "…"`, or remove it
no-services = department `{ $id }` lists no public services
no-services-help = add at least one `[[services]]` entry (公共服务事项) with `id`, `title` and `category`

## Boundaries

partner-is-lead = `{ $id }` is the lead of boundary `{ $boundary }` and cannot also be its partner
partner-is-lead-help = a boundary is written in its lead department's file; list only the other departments as partners
partner-repeated = `{ $id }` is listed twice as a partner of boundary `{ $boundary }`
partner-repeated-help = list each partner department once, with all of its part in one `duty`
step-outsider = `{ $id }` takes a step in the mock case but is neither the lead nor a partner of `{ $boundary }`
step-outsider-help = add `{ $id }` as a `[[boundaries.partners]]` entry, or give the step to `{ $lead }` or a partner
partner-not-in-case = partner `{ $id }` takes no step in the mock case of `{ $boundary }`
partner-not-in-case-help = add a `[[boundaries.case.steps]]` entry saying what this partner does in the case
duplicate-boundary-id = duplicate boundary id `{ $id }`
duplicate-boundary-id-help = boundary ids are unique across the whole project: rename one of them
duplicate-boundary-title = two boundaries are titled `{ $title }`
duplicate-boundary-title-help = one matter has one lead department: keep one boundary, in its lead's file, and list the other department as a partner there
first-used-here = first used here
first-used-in = it is first used in { $file }; { $help }

## build

build-placeholders = { $placeholders ->
        [one] 1 value is
       *[other] { $placeholders } values are
    } still the templates' example content (W0208), so nothing was published and the published site is unchanged; replace them, or build with `--allow-placeholders`
build-errors = { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    } in the sources; nothing was built and the published site is unchanged (run `resplist check` to see them again)
build-failed = the build failed; the published site is unchanged
build-no-history = no change-history page
build-unresolved = internal error: every check passed, but { $reference } does not resolve; nothing was built. This is a bug in resplist, please report it with the project
build-wrote = wrote { $pages } pages and { $files } other files ({ $size }) to { $dir } in { $ms } ms{ $warnings ->
        [0] {""}
        [one] , with 1 warning
       *[other] , with { $warnings } warnings
    }

## Publishing the site

output-root-or-home = refusing to replace `{ $dir }` with the site, even with --force: choose an output directory such as `public`
output-not-a-folder-name = refusing to write the site to `{ $dir }`: give a directory to create, such as `public`
io-not-found = no such file or folder
io-permission-denied = permission denied
output-no-parent = the parent of the output directory, `{ $dir }`, does not exist
output-cannot-resolve-project = cannot resolve the project directory `{ $dir }`
output-is-project = refusing to write the site to `{ $dir }`: it is (or contains) the project itself, and building would delete the sources; choose an output directory such as `{ $suggestion }`
output-is-link = refusing to write the site to `{ $dir }`: it is a symbolic link (to `{ $target }`), and every build replaces the output directory as a whole, which would replace the link rather than write where it points; give the real directory instead (`--output { $real }`)
output-is-file = `{ $dir }` is a file, not a directory; choose another output path
output-read-only = refusing to replace `{ $dir }`: it is read-only, and every build replaces the whole directory; make it writable (`chmod u+w { $dir }`) or choose another output directory
output-not-ours = refusing to replace `{ $dir }`: it is not empty and was not written by resplist (it has no { $marker } file); empty it, choose another output directory, or pass --force
output-cannot-stage = cannot create `{ $staging }`: the site is built beside the output directory and swapped in, so `{ $parent }` must be writable; make it writable or choose an output directory elsewhere
output-cannot-retire = cannot move the old site `{ $dir }` aside
output-cannot-publish = cannot move the new site into `{ $dir }`
cannot-read-current-dir = cannot read the current directory
cannot-create = cannot create `{ $path }`
cannot-write = cannot write `{ $path }`
cannot-remove = cannot remove `{ $path }`
cannot-write-csv = cannot write { $table }.csv: { $reason }
writer-stopped = the file writer stopped unexpectedly
cannot-render-page = cannot render { $path }
cannot-render-template = cannot render the theme's { $template }
theme-template-errors = the theme's templates have errors
theme-missing = the theme directory `{ $dir }` does not exist
theme-cannot-read-dir = cannot read the theme directory `{ $dir }`
theme-cannot-read-file = cannot read the theme file `{ $file }` (theme files must be UTF-8 text)
theme-builtin-strings = the built-in strings are broken
theme-bad-strings = the theme's { $file } is not a table of strings

## fmt

fmt-would-reformat = would reformat: { $file }
fmt-formatted = formatted { $file }
fmt-internal-error = internal error: { $problem } in `{ $file }`; the file was left as it is. This is a bug in resplist fmt, please report it with the file
fmt-not-parsed = { $file } was not formatted: correct the mistakes above first; fmt leaves a file it cannot read as it is
fmt-read-only = the file is read-only; fmt leaves it as it is
fmt-read-only-help = make it writable (`chmod u+w { $file }`) if it should be formatted
fmt-cannot-write = cannot write the formatted file: { $step }{ $reason }
fmt-reason = {" "}({ $reason })
fmt-cannot-resolve = cannot find where `{ $path }` is
fmt-no-folder = `{ $path }` has no folder
fmt-cannot-read = cannot read `{ $path }`
fmt-cannot-create-temp = cannot create a temporary file in `{ $dir }`
fmt-cannot-write-temp = cannot write the temporary file
fmt-cannot-copy-permissions = cannot give the new file the old one's permissions
fmt-cannot-replace = cannot replace `{ $path }`
cannot-write-step-summary = cannot write the step summary `{ $path }`
fmt-cannot-write-help = check that you may write to the file and its folder

## init, new, schema

unknown-language = unknown language `{ $language }`: use zh-CN or en
init-root-or-home = refusing to create a project in `{ $dir }`: a list belongs in its own folder; nothing was written. Give one, e.g. `resplist init chunjiang-list`
init-project-exists = `{ $path }` already exists: `{ $dir }` already holds a resplist project; nothing was written. Check it with `resplist check { $dir }`, add departments with `resplist new department`, or give another directory
init-file-exists = `{ $path }` already exists and resplist never overwrites a file; nothing was written. Move it away or give another directory
init-failed = could not create the project in `{ $dir }`; nothing was left behind
init-created =
    Created a resplist project in `{ $dir }`:
      { $site }: the site: title, jurisdiction, language
      { $example }: a commented example department: every field, explained
      { $editor }: completion and checking while you type (see resplist's docs/editors.md)
      { $ignore }: keeps the built site out of git

    Next:
      1. Edit resplist.toml: the title and the jurisdiction.
      2. Turn { $example } into a real department (rename it to `<id>.toml`), or add one with
         resplist new department <id> --name "…" --project { $dir }
      3. resplist check { $dir }   (lists the example content still to replace, W0208)
      4. resplist build { $dir }   (publishes once no example content is left)
new-department-bad-id = `{ $id }` is not a valid department id: an id uses only lowercase ASCII letters (a–z), digits and hyphens, starts with a letter or digit and has at most 64 characters, e.g. `huanbao` or `shi-jianguan`; it becomes the file name and appears in web addresses{ $hint }
new-department-try = : try `{ $id }`
new-department-no-name = give the department's full name: resplist new department { $id } --name "…"
new-department-name-as-id =
    `{ $id }` is a name, and an id is written in letters (it becomes the file name and appears in web addresses). Create the department with:
    {"  "}{ $command }
new-department-exists = the project already has a department `{ $id }`: `{ $file }`; nothing was written. Choose another id
new-department-file-exists = `{ $path }` already exists and resplist never overwrites a file; nothing was written
new-department-wrote =
    wrote { $file }
    Replace its example entries with the department's own, then run `resplist check { $project }`.
wrote-file = wrote { $file }

## git and diff

git-missing = cannot run git; is it installed?
git-failed = git { $command } failed: { $reason }
git-no-repository = `{ $dir }` is not inside a git repository; compare two directories with --dirs OLD NEW
git-bad-revision = `{ $rev }` is not a revision: revisions never start with `-` (e.g. `HEAD~1`, `main`, a commit id)
git-no-commit = `{ $rev }` is not a commit of the repository at `{ $repository }`
git-no-site-file = there is no { $file } at { $rev }
git-pipe = cannot talk to git cat-file
git-unexpected = unexpected git output: { $output }
git-cannot-read = cannot read { $path }: { $output }
diff-title = Changes to the list: { $base } → { $head }
diff-title-dirs = resplist diff: { $old } → { $new }

## diff reports and the history page
diff-yes = yes
diff-no = no
diff-none = (none)
diff-field = { $field }: { $old } → { $new }
diff-field-lead = lead
diff-entry = { $what } “{ $label }”
diff-entry-within = { $what } “{ $label }” of { $parent } “{ $parent_title }”
diff-brief = { $entry } — { $details }
diff-brief-entry = { $department }: { $verb } { $entry }
diff-brief-boundary = { $verb } { $entry }
diff-brief-added = added
diff-brief-removed = removed
diff-brief-changed = changed
diff-brief-added-department = added department: { $name }
diff-brief-removed-department = removed department: { $name }
diff-moved = moved from position { $from } to { $to }
diff-office = now goes to { $section }, phone { $phone }
diff-power-to = {" "}to { $to }
diff-power-unsupervised = , and no supervision regime covers it
diff-power-status = { $was } → { $now }{ $to }{ $unsupervised }
diff-power-new = new power, { $now }{ $to }{ $unsupervised }
diff-lead = lead: { $lead }
diff-lead-was = the lead was { $lead }
diff-lead-moved = the lead moved from { $old } to { $new }
diff-partner-added = partner added: { $partner }
diff-partner-removed = partner removed: { $partner }
diff-partner-changed = partner { $partner }'s { $field } changed: “{ $old }” → “{ $new }”
diff-step-added = step { $n } added: { $step }
diff-step-removed = step { $n } removed: { $step }
diff-step-changed = step { $n } changed: “{ $old }” → “{ $new }”
diff-totals = { $duties ->
        [one] 1 main duty
       *[other] { $duties } main duties
    }, { $items ->
        [one] 1 work item
       *[other] { $items } work items
    }, { $boundaries ->
        [one] 1 boundary led
       *[other] { $boundaries } boundaries led
    }, { $supervision ->
        [one] 1 supervision regime
       *[other] { $supervision } supervision regimes
    }, { $services ->
        [one] 1 public service
       *[other] { $services } public services
    }
diff-no-changes = no changes to the list
diff-count = { $what }: { $counts }
diff-count-join = {", "}
diff-count-added = { $n } added
diff-count-removed = { $n } removed
diff-count-changed = { $n } changed
diff-count-renamed = { $n } renamed
diff-site = site settings (resplist.toml)
diff-boundaries = duty boundaries
diff-checks = checks
diff-now-failing = now failing: { $problem }
diff-now-passing = now passing: { $problem }
diff-department-renamed = → { $name }: the file is now { $file } (it was `{ $from }`), the content is the same
diff-md-department = { $name }
diff-md-department-added = + { $name } (added)
diff-md-department-removed = − { $name } (removed)
diff-table-head = | | added | removed | changed | renamed |
diff-kind = { $what }
diff-lines = { $heading } — { $n } lines
diff-verb-added = **added**
diff-verb-removed = **removed**
diff-verb-changed = changed
diff-working-tree = working tree

## --help
help-usage = Usage: {""}
help-commands = Commands:
help-arguments = Arguments:
help-options = Options:
help-command-value = COMMAND
help-help = Print this help
help-version = Print the version
help-about = Compile a git repository of TOML files — one per government department — into a published responsibility list (责任清单): a website, a printable edition and open data.
help-lang = The language of resplist's messages: zh-CN or en (default: RESPLIST_LANG, then the project's language, then the locale, then English)
help-check = Check a project against every rule of the format and report all problems
help-check-dir = The project folder, the one holding resplist.toml (default: the current folder)
help-check-format = How to print the problems: human (default), json (one object per line), github (annotations on a pull request), gitlab (a Code Quality report)
help-check-color = When to colour the report: auto (default), always, never
help-check-deny-warnings = Treat warnings as errors (exit 1 when there are any)
help-build = Check a project and build its website, printable edition and open data
help-build-dir = The project folder, the one holding resplist.toml (default: the current folder)
help-build-output = Where to write the site (default: [build] output, else public/ in the project)
help-build-theme = A theme folder whose files override the built-in theme's (default: [build] theme)
help-build-force = Replace the output folder even if resplist did not create it (never /, the home folder or the project itself)
help-build-quiet = Print nothing on success
help-build-allow-placeholders = Publish even though example content from init or new remains (W0208)
help-build-members = In a workspace, build only these members (comma-separated folder names) and none of the workspace's own pages: one job of a CI matrix; a later full build reuses their output
help-build-color = When to colour warnings and errors: auto (default), always, never
help-diff = Show what changed in the list between two versions (git revisions or folders)
help-diff-base = The older version: a git revision (default: HEAD)
help-diff-head = The newer version: a git revision (default: the working tree)
help-diff-project = The project folder inside a git repository (default: the current folder)
help-diff-dirs = Compare two project folders instead of git revisions
help-diff-format = How to print the changes: human (default), markdown (a pull-request comment), json
help-diff-color = When to colour the report: auto (default), always, never
help-diff-exit-code = Exit with 1 when there are changes (like git diff --exit-code)
help-fmt = Rewrite source files into the canonical layout, keeping every comment
help-fmt-dir = The project folder, the one holding resplist.toml (default: the current folder)
help-fmt-check = Change nothing: list the files that would change, and exit 1 if there are any
help-schema = Write JSON Schemas of resplist.toml and of department files, for editors
help-schema-output = The folder to write the schemas in (default: the current folder)
help-init = Create a new project: resplist.toml, a commented example department, editor settings
help-init-dir = The folder to create the project in (created if missing)
help-init-language = The language of the site's own words: zh-CN (default) or en
help-import = Import a responsibility list from Excel workbooks (.xlsx, .xls) or CSV files into a new project
help-import-sources = The workbooks or CSV files to import, or folders holding them (one or more)
help-import-output = The folder to write the new project into (empty, unless --force)
help-import-force = Write even into a folder that is not empty (what is there is replaced)
help-new = Add something to a project from a commented template
help-new-department = Add a department file, departments/<ID>.toml
help-new-department-id = The department's id: lowercase letters, digits and hyphens, e.g. huanbao; it becomes the file name
help-new-department-name = The department's full name, e.g. "春江县环境保护局"
help-new-department-project = The project folder (default: the current folder)

## Mistakes on the command line
cli-error =
    error: { $message }

    Usage: { $usage }

    For more, run the command with --help.
cli-unknown-argument = `{ $arg }` is not an option of this command{ $suggest }
cli-unknown-command = `{ $command }` is not a resplist command{ $suggest }
cli-did-you-mean = {" "}(did you mean `{ $name }`?)
cli-missing-argument = this command needs { $args }
cli-missing-command = give a command, such as check or build
cli-invalid-value = `{ $value }` is not a value { $arg } takes; it takes: { $valid }
cli-conflict = { $arg } cannot be used together with { $other }
cli-bad-usage = the command line is not right ({ $detail })
help-options-value = [OPTIONS]
help-value-dir = DIR
help-value-format = FORMAT
help-value-color = WHEN
help-value-lang = LANG
help-value-output = DIR
help-value-members = MEMBERS
help-value-theme = DIR
help-value-base = OLD
help-value-head = NEW
help-value-project = DIR
help-value-old = OLD
help-value-new = NEW
help-value-language = LANG
help-value-id = ID
help-value-name = NAME
help-value-source = SOURCE
help-value-port = PORT
help-value-bind = ADDR
cli-error-no-usage =
    error: { $message }

    For more, run the command with --help.
cli-did-you-mean-either = {" "}(did you mean `{ $first }` or `{ $second }`?)

## import
import-no-such-source = no such file or folder
import-cannot-read = cannot be read: { $error }
import-too-large = the file is { $size }, over the limit of { $limit }; split the workbook by department and import the parts
import-unpacks-too-large = this workbook unpacks to { $size }, over the limit of { $limit }; it may be damaged or crafted, and was not read
import-not-a-spreadsheet = this is not a spreadsheet; import reads Excel workbooks (.xlsx, .xls), WPS or LibreOffice sheets (.ods) and CSV files
import-broken-workbook = the workbook cannot be read; it may be damaged or not an Excel file: { $error }. Open it in Excel or WPS, save it as .xlsx and import that
import-password = the workbook is protected by a password and cannot be read; remove the password in Excel or WPS (File → Info → Protect Workbook), save, and import again
import-too-many-cells = sheet "{ $sheet }" has too many cells and was not read
import-broken-csv = the CSV file cannot be read: { $error }
import-no-files = no file to import (.xlsx, .xls, .ods or .csv)
import-file-problem = { $file }: { $why }
import-nothing = nothing was imported: no sheet has a header resplist recognises (such as 主要职责, 具体工作事项, 责任科室); the headers it knows are in docs/import.md
import-all-empty = nothing was imported: every sheet is empty
import-cannot-write = cannot write { $dir }
import-file-header = imported by `resplist import` from { $sources }
import-site-header = a responsibility list imported by `resplist import` from { $sources }
import-default-title = { $jurisdiction } responsibility list
import-todo-power-kind = the kind of power "{ $name }" is missing or not recognised (it says: { $written }); it is set to `other` for now: write the real one
import-todo-delegated-to = power "{ $name }" is delegated or transferred: write who took it on (`delegated_to`)
import-todo-steps = the mock case of boundary "{ $title }" has no steps yet: write them, in order, as `[[boundaries.case.steps]]` under `[boundaries.case]`
import-todo-category = the category of "{ $title }" is missing or not recognised (it says: { $written }); one is set for now: write the real one
import-noted-duty = the main duty's remarks
import-noted-item = the work item's remarks
import-noted-service = the public service's description
import-done = imported { $departments } { $departments ->
        [one] department
       *[other] departments
    } from { $files } { $files ->
        [one] file
       *[other] files
    } into { $dir }
import-unreadable = could not read { $file }: { $why }
import-empty-sheets = empty sheets (nothing in them, passed over): { $sheets }
import-skipped-head = rows skipped ({ $count }), to check:
import-skip-repeated-header = a repeated header
import-skip-total = a total
import-skip-no-key = the row names nothing resplist recognises (a main duty, a work item, a boundary, a regime, a service)
import-skip-no-header = the sheet has no header resplist recognises
import-orphans-head = rows whose department or boundary could not be told ({ $count }), not imported:
import-orphan = { $place }: its department or boundary could not be told
import-noted-head = cells put into a note ({ $count }):
import-noted = { $place } "{ $header }": { $value } → { $into }
import-dropped-head = cells with nowhere to go, not imported ({ $count }):
import-dropped = { $place } "{ $header }": { $value }
import-todo-head = still to fill in ({ $count }):
import-check-hint = run `resplist check { $dir }` to see every problem and its fix
report-indented = {"  "}{ $text }
report-place = { $place }: { $text }
import-none-readable = nothing was imported: no file could be read (the reasons are above)
import-no-rows = nothing was imported: the headers were recognised, but no row below them holds anything
import-workbook-unparsable = the workbook cannot be read; it may be damaged. Open it in Excel or WPS, save it as .xlsx and import that
import-workbook-too-costly = reading this workbook took too long or too much memory and was stopped; the file may be damaged: open it in Excel or WPS, save it as .xlsx and import that
import-child-said = { $zh ->
       *[other] { $en }
    }

## serve
serve-listening = Serving the site at { $url } (rebuilt when a file changes, open pages reload; Ctrl-C stops)
serve-not-loopback = note: listening on { $address }: other computers on the network can open this preview. Leave out `--bind` to keep it on this machine
serve-cannot-listen = cannot listen: { $error }
serve-bad-address = `{ $address }` is not a network address, such as `127.0.0.1`
serve-no-port = every port from { $first } on is taken: { $error }. Choose another with `--port`
serve-built = pages updated: { $pages } rendered again in { $ms } ms; the workbook, home page, search, print edition and open data follow
serve-built-downloads = the workbook, home page, search, print edition and open data updated in { $ms } ms more
serve-folder-gone = the project folder { $dir } is gone (deleted, renamed or unreadable); it is built again as soon as it is back
serve-not-found = no such page
serve-failure-title = The list has errors; this page reloads once they are fixed
serve-stopped = stopped serving
help-serve = Serve the site on this machine, rebuilt when a file changes, reloaded in open pages
help-serve-dir = The project folder (default: the current folder)
help-serve-port = The port (default 8000, or the next free one)
help-serve-bind = The address to listen on (default 127.0.0.1: this machine only)
help-serve-open = Open the site in the browser too

workspace-summary = total ({ $members } jurisdictions): { $departments } departments, { $duties } main duties, { $items } work items, { $boundaries } boundaries, { $supervision } supervision regimes, { $services } public services — { $errors } errors, { $warnings } warnings
workspace-summary-own = workspace files: { $errors } errors, { $warnings } warnings
member-bad-id = member "{ $id }" cannot be a folder name and id: use lowercase ASCII letters, digits and hyphens
member-bad-id-help = use lowercase ASCII letters, digits and hyphens, e.g. the jurisdiction's pinyin `fuyang`
member-twice = member "{ $id }" is listed twice
member-twice-help = remove the repeated one; list each jurisdiction once
member-not-a-project = member "{ $id }" is not a project: the workspace has no folder { $id }, or it has no resplist.toml with [site]
member-not-a-project-help = create the folder { $id } in the workspace with the jurisdiction's complete list (resplist.toml and departments/), or remove "{ $id }" from members
member-unreadable = member "{ $id }" cannot be read: { $reason }
topic-bad-id = topic id "{ $id }" must use lowercase ASCII letters, digits and hyphens only
topic-twice = topic id "{ $id }" appears twice in the catalogue
topic-twice-help = write one [[topics]] per matter; remove the repeated one or give it another id
topic-first = first given here
unknown-topic = topic "{ $id }" is not in the catalogue
unknown-topic-help = the catalogue ({ $file }) has: { $known }. Use one of them, or add this topic to { $file } first
topic-named-twice = topic "{ $id }" is already the topic of another boundary ("{ $other }"): one matter has one lead
topic-named-twice-help = in one jurisdiction a topic belongs to one boundary; merge the two, or remove the topic of one of them (the other is in { $file })
workspace-not-yet = { $dir } is a workspace (many jurisdictions): `resplist { $command }` does not take a whole workspace yet. Check all of it with `resplist check { $dir }` and build it with `resplist build { $dir }`, or run it on each member: `resplist { $command } { $dir }/<member>`
unknown-topic-no-catalogue-help = the workspace's catalogue (`{ $file }`) has no topics yet: add this one to `{ $file }` beside the workspace's resplist.toml with a `[[topics]]` (`id`, `title`), or remove this `topic` line
build-members = members' sites: { $rendered } built, { $reused } unchanged and reused
members-unknown = `--members` names { $member }, which is not a member of this workspace. Its members are: { $known }
members-not-a-workspace = `--members` is for a workspace, and { $dir } is a single project: build it without `--members`
diff-member = { $jurisdiction } ({ $member })
diff-member-changed = { $member }
diff-member-added = { $member }: a new member of the workspace
diff-member-removed = { $member }: no longer a member of the workspace
diff-workspace-unchanged = No member's list changed.
member-reserved = a member may not be called `{ $id }`: the workspace's site keeps its own pages in that folder
member-reserved-help = rename the member's folder and its entry in `members`; these names are taken: { $reserved }
members-none = `--members` names no member: give the members to build, separated by commas. This workspace's members are: { $known }
