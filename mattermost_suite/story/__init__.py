"""The story told to people: the scenario's domain events, the sentences made of them (presenter), and the
console narration (the Allure side is evidence/)."""
