/// The TeX commands the math translator knows, and what each becomes in MathML.
///
/// Kept apart from the parser so adding a symbol is a one-line change. Anything not listed here (or
/// handled structurally by ``TeXToMathML``, such as `\frac`) is an error, so a typo in the prose
/// fails the tests instead of showing up as garbage on the page.
enum TeXSymbols {
    /// Greek letters; capitals are upright (`mathvariant="normal"`), as TeX sets them.
    static let greek: [String: Character] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ", "varepsilon": "ε",
        "zeta": "ζ", "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ",
        "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "pi": "π", "varpi": "ϖ", "rho": "ρ",
        "varrho": "ϱ", "sigma": "σ", "varsigma": "ς", "tau": "τ", "upsilon": "υ", "phi": "ϕ",
        "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
        "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π",
        "Sigma": "Σ", "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
    ]

    /// Symbols set as identifiers (`<mi>`); the flag asks for upright type.
    static let identifiers: [String: (symbol: String, upright: Bool)] = [
        "infty": ("∞", false), "partial": ("∂", false), "nabla": ("∇", true), "ell": ("ℓ", false),
        "emptyset": ("∅", true), "hbar": ("ℏ", false),
    ]

    /// Binary operators, relations, arrows and punctuation (`<mo>`).
    static let operators: [String: String] = [
        "cdot": "⋅", "times": "×", "div": "÷", "pm": "±", "mp": "∓", "ast": "∗", "star": "⋆",
        "circ": "∘", "odot": "⊙", "otimes": "⊗", "oplus": "⊕", "setminus": "∖",
        "le": "≤", "leq": "≤", "ge": "≥", "geq": "≥", "ne": "≠", "neq": "≠", "approx": "≈",
        "equiv": "≡", "sim": "∼", "simeq": "≃", "propto": "∝", "ll": "≪", "gg": "≫",
        "to": "→", "rightarrow": "→", "leftarrow": "←", "gets": "←", "Rightarrow": "⇒",
        "Leftarrow": "⇐", "Leftrightarrow": "⇔", "implies": "⟹", "iff": "⟺", "mapsto": "↦",
        "in": "∈", "notin": "∉", "subset": "⊂", "subseteq": "⊆", "cup": "∪", "cap": "∩",
        "forall": "∀", "exists": "∃", "neg": "¬", "land": "∧", "lor": "∨",
        "ldots": "…", "dots": "…", "cdots": "⋯", "vdots": "⋮", "ddots": "⋱",
        "mid": "∣", "top": "⊤", "perp": "⊥", "coloneqq": "≔",
        "%": "%", "#": "#", "$": "$", "&": "&", "_": "_",
    ]

    /// Delimiters usable on their own (never stretched) and after `\left` / `\right`.
    static let delimiters: [String: String] = [
        "(": "(", ")": ")", "[": "[", "]": "]", "|": "|",
        "\\{": "{", "\\}": "}", "\\|": "‖", "\\langle": "⟨", "\\rangle": "⟩",
        "\\lVert": "‖", "\\rVert": "‖", "\\lvert": "|", "\\rvert": "|",
        "\\lfloor": "⌊", "\\rfloor": "⌋", "\\lceil": "⌈", "\\rceil": "⌉",
    ]

    /// Large operators. `limits` puts scripts above and below in display math.
    static let largeOperators: [String: (symbol: String, limits: Bool)] = [
        "sum": ("∑", true), "prod": ("∏", true), "coprod": ("∐", true),
        "bigcup": ("⋃", true), "bigcap": ("⋂", true),
        "int": ("∫", false), "iint": ("∬", false), "oint": ("∮", false),
    ]

    /// Named functions, set upright and followed by an invisible function application.
    /// `limits` puts subscripts underneath in display math (`\max_{w}`).
    static let functions: [String: (name: String, limits: Bool)] = [
        "log": ("log", false), "ln": ("ln", false), "exp": ("exp", false), "lg": ("lg", false),
        "sin": ("sin", false), "cos": ("cos", false), "tan": ("tan", false),
        "sinh": ("sinh", false), "cosh": ("cosh", false), "tanh": ("tanh", false),
        "det": ("det", true), "dim": ("dim", false), "arg": ("arg", false), "sgn": ("sgn", false),
        "max": ("max", true), "min": ("min", true), "sup": ("sup", true), "inf": ("inf", true),
        "lim": ("lim", true), "argmax": ("arg max", true), "argmin": ("arg min", true),
        "Pr": ("Pr", true), "tr": ("tr", false),
    ]

    /// Accents placed over their argument.
    static let accents: [String: (mark: String, stretchy: Bool)] = [
        "hat": ("^", false), "widehat": ("^", true), "bar": ("¯", false), "overline": ("‾", true),
        "vec": ("→", false), "tilde": ("~", false), "widetilde": ("~", true), "dot": ("˙", false),
        "ddot": ("¨", false),
    ]

    /// Horizontal spaces, as `<mspace width="...">`.
    static let spaces: [String: String] = [
        ",": "0.1667em", ":": "0.2222em", ">": "0.2222em", ";": "0.2778em", " ": "0.25em",
        "quad": "1em", "qquad": "2em", "!": "-0.1667em",
    ]

    /// Commands that only change TeX's sizing and need no output in MathML.
    static let ignored: Set<String> = ["displaystyle", "textstyle", "limits", "nolimits"]

    /// Fonts applied to letters (and digits) by mapping to the Unicode mathematical alphanumerics,
    /// because browsers implement MathML Core, which dropped most `mathvariant` values.
    enum Font: Sendable {
        case bold, boldItalic, doubleStruck, roman
    }

    static let fonts: [String: Font] = [
        "mathbf": .bold, "boldsymbol": .boldItalic, "bm": .boldItalic, "mathbb": .doubleStruck,
        "mathrm": .roman,
    ]

    /// The character `letter` in `font`, or nil when Unicode has no such character.
    static func styled(_ letter: Character, _ font: Font) -> Character? {
        guard let scalar = letter.unicodeScalars.first, letter.unicodeScalars.count == 1 else { return nil }
        let value = scalar.value
        func offset(_ base: UInt32, from start: UInt32) -> Character? {
            Unicode.Scalar(base + value - start).map(Character.init)
        }
        let isUpper = (0x41...0x5A).contains(value), isLower = (0x61...0x7A).contains(value)
        let isDigit = (0x30...0x39).contains(value)
        let isGreekUpper = (0x391...0x3A9).contains(value), isGreekLower = (0x3B1...0x3C9).contains(value)
        switch font {
        case .roman:
            return letter
        case .bold:
            if isUpper { return offset(0x1D400, from: 0x41) }
            if isLower { return offset(0x1D41A, from: 0x61) }
            if isDigit { return offset(0x1D7CE, from: 0x30) }
            if isGreekUpper { return offset(0x1D6A8, from: 0x391) }
            if isGreekLower { return offset(0x1D6C2, from: 0x3B1) }
            return nil
        case .boldItalic:
            if isUpper { return offset(0x1D468, from: 0x41) }
            if isLower { return offset(0x1D482, from: 0x61) }
            if isDigit { return offset(0x1D7CE, from: 0x30) }
            if isGreekUpper { return offset(0x1D71C, from: 0x391) }
            if isGreekLower { return offset(0x1D736, from: 0x3B1) }
            return nil
        case .doubleStruck:
            // Letters with older code points are holes in the mathematical alphanumerics block.
            let holes: [Character: Character] = ["C": "ℂ", "H": "ℍ", "N": "ℕ", "P": "ℙ", "Q": "ℚ", "R": "ℝ", "Z": "ℤ"]
            if let hole = holes[letter] { return hole }
            if isUpper { return offset(0x1D538, from: 0x41) }
            if isLower { return offset(0x1D552, from: 0x61) }
            if isDigit { return offset(0x1D7D8, from: 0x30) }
            return nil
        }
    }
}
