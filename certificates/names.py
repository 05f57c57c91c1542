"""How a holder's name is shown to strangers who verify a certificate (DESIGN.md §6)."""


def name_mask(full_name: str) -> str:
    """Keep the family name and the given name, shorten the middle names to initials.

    "Nguyễn Thị Hồng Nhung" -> "Nguyễn T. H. Nhung"; "Trần Bình" stays as it is.
    Enough for the person holding the paper to recognise, too little to find someone.
    """
    words = full_name.split()
    if len(words) <= 2:
        return " ".join(words)
    middle = [f"{word[0].upper()}." for word in words[1:-1]]
    return " ".join([words[0], *middle, words[-1]])
