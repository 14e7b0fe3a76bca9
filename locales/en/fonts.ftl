# Fonts: finding and loading them, and the notice about official faces (fonts, cmd/fonts).

fonts-bundled-empty = the bundled font folder { $dir } holds no font files; set { $env } to the folder holding report's fonts/
fonts-no-font-dir = --font-dir { $dir }: no such folder
fonts-no-role-font = no font for the role `{ $role }`: none of { $families } is in { $dir } or the folders given with --font-dir
fonts-env-no-folder = { $env }={ $dir }: no such folder
fonts-bundled-not-found = cannot find report's bundled fonts folder; set { $env } to it (the fonts/ folder of the release archive or the repository)
fonts-face-unreadable = face { $index } cannot be read ({ $why })
fonts-table-past-end = its table `{ $table }` ends at byte { $end }, past the end of the file at byte { $len }: the file is cut short
fonts-damaged = the font file { $path } is damaged: { $why }. Replace it with a good copy, or remove it from its folder
fonts-bundled-folder = bundled fonts: { $dir }
fonts-official-face = { $family } ({ $path }, instead of { $used })
fonts-list-separator = ; {""}
fonts-official-installed = note: installed on this machine but not used: { $faces }. Add --system-fonts to use it (or --font-dir with its folder, or system-fonts = true in report.toml)
fonts-system-looked-at = looked at the names of { $count ->
    [one] { $count } font file
   *[other] { $count } font files
} installed on this machine ({ $ms } ms)
