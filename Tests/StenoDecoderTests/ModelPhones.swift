import StenoDecoder

/// The 42 base phones of the bundled en-us model, in the model's mdef order (39 CMU phones, then
/// silence and the two noise phones sorted as Sphinx sorts them). Tests use them when the acoustic
/// model itself is not needed.
enum ModelPhones {
    static let names = [
        "+NSN+", "+SPN+", "AA", "AE", "AH", "AO", "AW", "AY", "B", "CH", "D", "DH", "EH", "ER", "EY", "F",
        "G", "HH", "IH", "IY", "JH", "K", "L", "M", "N", "NG", "OW", "OY", "P", "R", "S", "SH", "SIL", "T",
        "TH", "UH", "UW", "V", "W", "Y", "Z", "ZH",
    ]
    static let inventory = PhoneInventory(names: names)
}
